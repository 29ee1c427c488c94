// Small sources with known findings, shared by the CLI tests.

/** Findings: import (line 1), client and region (line 2), InvokeModel (line 3). */
export const BEDROCK_TS = [
  "import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';",
  "const client = new BedrockRuntimeClient({ region: 'us-east-1' });",
  "await client.send(new InvokeModelCommand({ modelId: 'my-model', body: '{}' }));",
  '',
].join('\n');

export const CLEAN_TS = 'export const answer = 42;\n';

/** CommonJS with a v2-style import only: exactly one bedrock/import finding on line 1. */
export const BEDROCK_IMPORT_JS = "const { BedrockRuntimeClient } = require('@aws-sdk/client-bedrock-runtime');\n";
