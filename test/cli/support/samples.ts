// Small sources with known findings, shared by the CLI tests.

/** Findings: import (line 1), client and region (line 2), InvokeModel (line 3). */
export const BEDROCK_TS = [
  "import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';",
  "const client = new BedrockRuntimeClient({ region: 'us-east-1' });",
  "await client.send(new InvokeModelCommand({ modelId: 'my-model', body: '{}' }));",
  '',
].join('\n');

export const CLEAN_TS = 'export const answer = 42;\n';

/** A Converse call of an open-weight model: `scan --fix` rewrites it (and creates the adapter module). */
export const CONVERSE_TS = [
  "import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';",
  "const client = new BedrockRuntimeClient({ region: 'us-east-1' });",
  'export async function ask(text: string) {',
  "  const out = await client.send(new ConverseCommand({ modelId: 'meta.llama3-1-8b-instruct-v1:0', messages: [{ role: 'user', content: [{ text }] }] }));",
  '  return out.output?.message?.content?.[0]?.text;',
  '}',
  '',
].join('\n');

/** CommonJS with a v2-style import only: exactly one bedrock/import finding on line 1. */
export const BEDROCK_IMPORT_JS = "const { BedrockRuntimeClient } = require('@aws-sdk/client-bedrock-runtime');\n";
