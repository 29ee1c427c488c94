// The file migration is refused, with the reason on the import's finding, when Bedrock names are used in ways
// SageMaker Runtime or the adapter cannot carry: the file is left whole instead of half-migrated.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { fixAll, refineFixability } from '../../server/src/engine/fixes';
import { normalizeSettings } from '../../server/src/engine/settings';

const settings = normalizeSettings({ endpoints: { '*': { endpointName: 'llm', container: 'lmi' } } });

function migrate(text: string) {
  const input = { text, languageId: 'typescript' as const, settings, fileName: 'src/tools.ts', workspaceRelativePath: 'src/tools.ts' };
  const findings = analyze(input).findings;
  return { proposal: fixAll(input, findings), refined: refineFixability(input, findings) };
}

const CONVERSE = [
  "const client = new BedrockRuntimeClient({ region: 'us-east-1' });",
  "export const ask = (messages: Message[]) => client.send(new ConverseCommand({ modelId: 'meta.llama3-8b-instruct-v1:0', messages }));",
].join('\n');

describe('type uses the migration cannot carry', () => {
  it('a union type used as a namespace', () => {
    const { proposal, refined } = migrate([
      "import { BedrockRuntimeClient, ConverseCommand, type Message, type ToolResultContentBlock } from '@aws-sdk/client-bedrock-runtime';",
      CONVERSE,
      'export const result = (json: unknown) => ({ json } as ToolResultContentBlock.JsonMember);',
    ].join('\n'));
    assert.equal(proposal, undefined);
    const imported = refined.find((finding) => finding.ruleId === 'bedrock/import');
    assert.equal(imported?.fixable, false);
    assert.match(imported?.message ?? '', /'ToolResultContentBlock' is used as a namespace \('ToolResultContentBlock\.JsonMember'\)/);
    assert.match(refined.find((finding) => finding.ruleId === 'bedrock/converse')?.message ?? '', /Not fixed automatically/);
  });

  it('a client config picked apart by Bedrock-only keys', () => {
    const { proposal, refined } = migrate([
      "import { BedrockRuntimeClient, ConverseCommand, type BedrockRuntimeClientConfig, type Message } from '@aws-sdk/client-bedrock-runtime';",
      CONVERSE,
      'export type Auth = Pick<BedrockRuntimeClientConfig, "authSchemePreference" | "token">;',
    ].join('\n'));
    assert.equal(proposal, undefined);
    assert.match(refined.find((finding) => finding.ruleId === 'bedrock/import')?.message ?? '', /narrowed to Bedrock-only keys/);
  });

  it('a Bedrock name with no counterpart (the file would import both SDKs)', () => {
    const { proposal, refined } = migrate([
      "import { BedrockRuntimeClient, ConverseCommand, ThrottlingException, type Message } from '@aws-sdk/client-bedrock-runtime';",
      CONVERSE,
      'export const retryable = (error: unknown) => error instanceof ThrottlingException;',
    ].join('\n'));
    assert.equal(proposal, undefined);
    assert.match(refined.find((finding) => finding.ruleId === 'bedrock/import')?.message ?? '', /'ThrottlingException' from the Bedrock SDK has no SageMaker Runtime counterpart/);
  });

  it('whole-type uses still migrate', () => {
    const { proposal } = migrate([
      "import { BedrockRuntimeClient, ConverseCommand, type BedrockRuntimeClientConfig, type Message } from '@aws-sdk/client-bedrock-runtime';",
      CONVERSE,
      "export const config: BedrockRuntimeClientConfig = { region: 'us-east-1' };",
    ].join('\n'));
    assert.ok(proposal, 'the file migrates');
    const text = proposal.edits.map((edit) => edit.newText).join('\n');
    assert.match(text, /SageMakerRuntimeClientConfig/);
  });
});
