// Documents and workspace folders shared by the protocol-level tests.
import type { WorkspaceFolder } from 'vscode-languageserver-protocol';

export const FOLDER_A: WorkspaceFolder = { uri: 'file:///workspace/service-a', name: 'service-a' };
export const FOLDER_B: WorkspaceFolder = { uri: 'file:///workspace/service-b', name: 'service-b' };

/** A Bedrock Runtime client, a region, a Converse call and a model id: five findings at known offsets. */
export const CHAT_TS = [
  'import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";',
  'const client = new BedrockRuntimeClient({ region: "us-east-1" });',
  'const reply = await client.send(new ConverseCommand({ modelId: "meta.llama3-8b-instruct-v1:0", messages: [] }));',
  '',
].join('\n');

export const NO_BEDROCK_TS = 'export const answer = 42;\n';

/** Zero-based line and start/end characters of the first `needle` in `text`, searching from line `fromLine`. */
export function locate(text: string, needle: string, fromLine = 0): { line: number; start: number; end: number } {
  const lines = text.split('\n');
  for (let line = fromLine; line < lines.length; line++) {
    const start = lines[line].indexOf(needle);
    if (start >= 0) return { line, start, end: start + needle.length };
  }
  throw new Error(`${needle} not in text`);
}
