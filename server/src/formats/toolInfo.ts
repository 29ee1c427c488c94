import packageJson from '../../../package.json';

export const TOOL_NAME = 'bedrock-to-sagemaker';
// Read from package.json at build time (esbuild inlines it), so `--version` can never drift from the release.
export const TOOL_VERSION: string = packageJson.version;
/** The project home; rule pages hang off it (see ruleDocUrl). */
export const TOOL_INFORMATION_URI = 'https://github.com/bedrock-to-sagemaker/bedrock-to-sagemaker';
