import type { ExpectedFinding } from './helpers/diagnostics';

// What the fixtures must produce. Ranges are 0-based [startLine, startCol, endLine, endCol], exact (the
// identifier or literal, not the whole line); the default targetRegion is cn-northwest-1.

/** fixtures/workspace/src/chat.ts */
export const CHAT_TS: ExpectedFinding[] = [
  { rule: 'bedrock/import', severity: 'warning', range: [0, 74, 0, 107] },
  { rule: 'bedrock/runtime-client', severity: 'error', range: [2, 19, 2, 39] },
  { rule: 'bedrock/client-region', severity: 'warning', range: [2, 50, 2, 61] },
  { rule: 'bedrock/converse', severity: 'error', range: [5, 41, 5, 56] },
  { rule: 'bedrock/model-id', severity: 'warning', range: [6, 14, 6, 42] },
  { rule: 'bedrock/invoke-model', severity: 'error', range: [13, 41, 13, 59] },
  { rule: 'bedrock/model-id', severity: 'warning', range: [14, 14, 14, 42] },
];

/** chat.ts after deleting the `complete()` function (lines 11-19): the InvokeModel findings go away. */
export const CHAT_TS_WITHOUT_COMPLETE = CHAT_TS.slice(0, 5);

/** fixtures/workspace/docs/guide.md: the ts fence (lines 5-11), mapped back into the Markdown file. */
export const GUIDE_MD: ExpectedFinding[] = [
  { rule: 'bedrock/import', severity: 'warning', range: [5, 54, 5, 87] },
  { rule: 'bedrock/runtime-client', severity: 'error', range: [7, 19, 7, 39] },
  { rule: 'bedrock/client-region', severity: 'warning', range: [7, 50, 7, 61] },
  { rule: 'bedrock/converse', severity: 'error', range: [8, 39, 8, 54] },
  { rule: 'bedrock/model-id', severity: 'warning', range: [9, 12, 9, 40] },
];
export const GUIDE_MD_FENCE_LINES = { open: 4, close: 12 };

/** fixtures/multi-root/{north,northwest}/src/app.ts */
export const APP_TS: ExpectedFinding[] = [
  { rule: 'bedrock/import', severity: 'warning', range: [0, 37, 0, 70] },
  { rule: 'bedrock/runtime-client', severity: 'error', range: [2, 26, 2, 46] },
  { rule: 'bedrock/client-region', severity: 'warning', range: [2, 57, 2, 68] },
];

/** The commands the manifest must contribute and the extension must register. */
export const COMMANDS = [
  'bedrockToSagemaker.restartServer',
  'bedrockToSagemaker.showOutput',
  'bedrockToSagemaker.explainRule',
  'bedrockToSagemaker.migrateFile',
  'bedrockToSagemaker.generateReport',
  'bedrockToSagemaker.migrateWorkspace',
  'bedrockToSagemaker.connectEndpoints',
];
