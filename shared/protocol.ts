// Types shared by the VS Code client and the language server (custom requests, settings).
export const EXTENSION_ID = 'bedrockToSagemaker';
