import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { applyEdits, fixAll, fixesForFinding, refineFixability } from '../../server/src/engine/fixes';
import type { FixInput } from '../../server/src/engine/fixes';
import { normalizeSettings } from '../../server/src/engine/settings';
import type { Finding, RuleId } from '../../server/src/engine/types';

// What the code actions are made of: one proposal list per finding, and the fix-all proposal.

const MAPPED = { endpoints: { 'meta.llama3-8b-instruct-v1:0': { endpointName: 'llama3-8b', container: 'lmi' } } };

function input(text: string, settings: unknown = MAPPED, workspaceRelativePath: string | null = 'src/app.ts'): FixInput {
  return { text, languageId: 'typescript', settings: normalizeSettings(settings), ...(workspaceRelativePath ? { workspaceRelativePath } : {}) };
}

function finding(fixInput: FixInput, ruleId: RuleId): Finding {
  const found = analyze(fixInput).findings.find((candidate) => candidate.ruleId === ruleId);
  assert.ok(found, `no ${ruleId} finding`);
  return found;
}

const CONVERSE = `import { BedrockRuntimeClient, ConverseCommand } from "@aws-sdk/client-bedrock-runtime";
const client = new BedrockRuntimeClient({ region: "us-east-1" });
export const ask = (text: string) => client.send(new ConverseCommand({ modelId: "meta.llama3-8b-instruct-v1:0", messages: [{ role: "user", content: [{ text }] }] }));
`;

const GUARDED = `import { ApplyGuardrailCommand, BedrockRuntimeClient, InvokeModelCommand } from "@aws-sdk/client-bedrock-runtime";
const client = new BedrockRuntimeClient({ region: "us-east-1" });
export async function run(text: string) {
  await client.send(new ApplyGuardrailCommand({ guardrailIdentifier: "g", guardrailVersion: "1", source: "INPUT", content: [{ text: { text } }] }));
  const response = await client.send(new InvokeModelCommand({ modelId: "meta.llama3-8b-instruct-v1:0", body: JSON.stringify({ prompt: text }) }));
  return response.body;
}
`;

describe('fixesForFinding', () => {
  it('offers the file migration as the preferred quick fix for a call, its client and its import', () => {
    const fixInput = input(CONVERSE);
    for (const rule of ['bedrock/converse', 'bedrock/runtime-client', 'bedrock/import'] as const) {
      const proposals = fixesForFinding(fixInput, finding(fixInput, rule));
      assert.equal(proposals.length, 1, rule);
      assert.equal(proposals[0].kind, 'quickfix');
      assert.equal(proposals[0].isPreferred, true);
      assert.deepEqual(proposals[0], { ...fixAll(fixInput, analyze(fixInput).findings)!, isPreferred: true });
      assert.deepEqual(proposals[0].createFiles?.map((file) => file.path), ['src/sagemaker-converse.ts']);
    }
  });

  it('changes only the region literal for a client region finding', () => {
    const fixInput = input(CONVERSE);
    const [proposal] = fixesForFinding(fixInput, finding(fixInput, 'bedrock/client-region'));
    assert.equal(proposal.edits.length, 1);
    assert.equal(applyEdits(CONVERSE, proposal.edits), CONVERSE.replace('"us-east-1"', '"cn-northwest-1"'));
  });

  it('offers only a migration note for an operation with no equivalent', () => {
    const fixInput = input(GUARDED);
    const proposals = fixesForFinding(fixInput, finding(fixInput, 'bedrock/guardrail'));
    assert.equal(proposals.length, 1);
    assert.equal(proposals[0].kind, 'migration-note');
    assert.match(applyEdits(GUARDED, proposals[0].edits), /\n {2}\/\/ TODO\(bedrock-to-sagemaker\): ApplyGuardrail has no equivalent in cn-northwest-1\. Alternative: .*Llama Guard.*\n {2}await client\.send\(new ApplyGuardrailCommand/);
  });

  it('turns the quick fix of a call that cannot move into a note that says why', () => {
    const fixInput = input(GUARDED);
    const [note] = fixesForFinding(fixInput, finding(fixInput, 'bedrock/invoke-model'));
    assert.equal(note.kind, 'migration-note');
    assert.match(note.edits[0].newText, /InvokeModel was not rewritten to SageMaker Runtime automatically: this file also uses ApplyGuardrail/);
    assert.deepEqual(fixesForFinding(fixInput, finding(fixInput, 'bedrock/runtime-client')), []);
    assert.equal(fixAll(fixInput, analyze(fixInput).findings), undefined);
  });

  it('refuses Converse content a chat-completions body cannot carry, and says which', () => {
    const text = CONVERSE.replace('content: [{ text }]', 'content: [{ text }, { document: { name: "spec", format: "pdf", source: { bytes: new Uint8Array() } } }]');
    const fixInput = input(text);
    const [note] = fixesForFinding(fixInput, finding(fixInput, 'bedrock/converse'));
    assert.equal(note.kind, 'migration-note');
    assert.match(note.edits[0].newText, /document content blocks have no chat-completions equivalent/);
  });

  it('does not offer a note that is already in the file', () => {
    const fixInput = input(GUARDED);
    const [note] = fixesForFinding(fixInput, finding(fixInput, 'bedrock/guardrail'));
    const noted = input(applyEdits(GUARDED, note.edits));
    assert.deepEqual(fixesForFinding(noted, finding(noted, 'bedrock/guardrail')), []);
  });

  it('offers the diagnostic itself as the note for a finding inside a string', () => {
    const fixInput = input(CONVERSE, {});
    const modelId = finding(fixInput, 'bedrock/model-id');
    const [note] = fixesForFinding(fixInput, modelId);
    assert.equal(note.kind, 'migration-note');
    assert.equal(note.edits[0].newText, `// TODO(bedrock-to-sagemaker): ${modelId.message}\n`);
  });

  it('has nothing for non-script documents', () => {
    const fixInput = input(CONVERSE);
    const markdown = { ...fixInput, languageId: 'markdown' as const };
    assert.deepEqual(fixesForFinding(markdown, finding(fixInput, 'bedrock/converse')), []);
    assert.equal(fixAll(markdown, analyze(fixInput).findings), undefined);
  });
});

describe('fixAll', () => {
  it('needs the document path in the workspace to import the adapter; without it the file is left alone', () => {
    const fixInput = input(CONVERSE, MAPPED, null);
    assert.equal(fixAll(fixInput, analyze(fixInput).findings), undefined);
    const [note] = fixesForFinding(fixInput, finding(fixInput, 'bedrock/converse'));
    assert.match(note.edits[0].newText, /place in the workspace is unknown/);
  });

  it('does nothing when the caller has no fixable finding', () => {
    const fixInput = input(CONVERSE);
    const findings = analyze(fixInput).findings.map((found) => ({ ...found, fixable: false }));
    assert.equal(fixAll(fixInput, findings), undefined);
  });
});

describe('refineFixability', () => {
  it('marks findings that will not be rewritten as unfixable and says why', () => {
    const fixInput = input(GUARDED);
    const refined = refineFixability(fixInput, analyze(fixInput).findings);
    const invoke = refined.find((found) => found.ruleId === 'bedrock/invoke-model')!;
    assert.equal(invoke.fixable, false);
    assert.match(invoke.message, /Not fixed automatically: this file also uses ApplyGuardrail/);
    assert.equal(refined.find((found) => found.ruleId === 'bedrock/runtime-client')!.fixable, false);
  });

  it('keeps safe findings as they are and asks for a missing endpoint mapping', () => {
    const mapped = input(CONVERSE);
    assert.deepEqual(refineFixability(mapped, analyze(mapped).findings), analyze(mapped).findings);
    const unmapped = input(CONVERSE, {});
    const converse = refineFixability(unmapped, analyze(unmapped).findings).find((found) => found.ruleId === 'bedrock/converse')!;
    assert.equal(converse.fixable, true);
    assert.match(converse.message, /Map 'meta\.llama3-8b-instruct-v1:0' to its SageMaker endpoint in the bedrockToSagemaker\.endpoints setting/);
  });

  it('a wrapper region is not fixable: Bedrock wrappers have no China endpoint', () => {
    const text = `import { Bedrock } from "@llamaindex/aws";\nexport const llm = new Bedrock({ model: "meta.llama3-8b-instruct-v1:0", region: "us-east-1" });\n`;
    const fixInput = input(text);
    const region = refineFixability(fixInput, analyze(fixInput).findings).find((found) => found.ruleId === 'bedrock/client-region');
    assert.equal(region?.fixable, false);
    assert.deepEqual(fixesForFinding(fixInput, finding(fixInput, 'bedrock/client-region')), []);
  });

  it('a region in a config const is rewritten when only Bedrock Runtime clients of this module get the object, else a TODO; refused without a Runtime client', () => {
    const header = `import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";\nimport { SageMakerClient } from "@aws-sdk/client-sagemaker";\n`;
    const REWRITTEN = 'rewritten', TODO = 'todo', REFUSED = 'refused';
    const cases: [string, string][] = [
      ['const config = { region: "us-east-1" };\nexport const client = new BedrockRuntimeClient(config);\n', REWRITTEN],
      ['const config = { region: "us-east-1" };\nexport const a = new BedrockRuntimeClient(config), b = new BedrockRuntimeClient((config));\n', REWRITTEN],
      ['const config = { region: "us-east-1" };\nexport const client = new BedrockRuntimeClient(config);\nexport const control = new SageMakerClient(config);\n', TODO],
      ['export const config = { region: "us-east-1" };\nexport const client = new BedrockRuntimeClient(config);\n', TODO],
      ['let config = { region: "us-east-1" };\nexport const client = new BedrockRuntimeClient(config);\n', TODO],
      ['const config = { region: "us-east-1" };\nexport const client = new BedrockRuntimeClient(config);\nconsole.log(config);\n', TODO],
      ['import { Bedrock } from "@llamaindex/aws";\nconst config = { model: "meta.llama3-8b-instruct-v1:0", region: "us-east-1" };\nexport const llm = new Bedrock(config);\n', REFUSED],
    ];
    for (const [body, outcome] of cases) {
      const fixInput = input(header + body);
      const findings = refineFixability(fixInput, analyze(fixInput).findings);
      const region = findings.find((found) => found.ruleId === 'bedrock/client-region');
      assert.equal(region?.fixable, outcome !== REFUSED, body);
      const after = applyEdits(fixInput.text, fixAll(fixInput, findings)?.edits ?? []);
      assert.equal(after.includes('region: "cn-northwest-1"'), outcome === REWRITTEN, body);
      assert.equal(/TODO\(bedrock-to-sagemaker\): the SageMaker Runtime client must use the target region 'cn-northwest-1'/.test(after), outcome === TODO, body);
      if (outcome === REFUSED) assert.match(region!.message, /this client has no China endpoint/, body);
    }
  });

  it('a LangChain chat model region (also a fallback literal) is fixable with the file migration, which rewrites it', () => {
    for (const region of ['"us-east-1"', 'process.env.AWS_REGION ?? "us-east-1"']) {
      const text = `import { ChatBedrockConverse } from "@langchain/aws";\nexport const chat = new ChatBedrockConverse({ model: "meta.llama3-8b-instruct-v1:0", region: ${region} });\n`;
      const fixInput = input(text);
      const refined = refineFixability(fixInput, analyze(fixInput).findings).find((found) => found.ruleId === 'bedrock/client-region');
      assert.equal(refined?.fixable, true, region);
      const [migration] = fixesForFinding(fixInput, finding(fixInput, 'bedrock/client-region'));
      assert.ok(migration?.isPreferred, 'the preferred fix is the file migration');
      const after = applyEdits(text, migration.edits);
      assert.match(after, /new SageMakerChatModel\(\{ endpointName: .*"cn-northwest-1"/);
      assert.equal(analyze({ ...fixInput, text: after }).findings.filter((found) => found.ruleId === 'bedrock/client-region').length, 0);
    }
  });
});
