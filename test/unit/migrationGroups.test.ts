// Files that exchange Bedrock Runtime clients or types through imports migrate together or not at all.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { refineFixability } from '../../server/src/engine/fixes';
import { relativeImportsOf, resolveLocalImport } from '../../server/src/engine/project/localImports';
import { heldBackFiles, holdBack } from '../../server/src/engine/project/migrationGroups';
import { normalizeSettings } from '../../server/src/engine/settings';

const settings = normalizeSettings({ endpoints: { '*': { endpointName: 'llm', container: 'lmi' } } });

const FACTORY = [
  "import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';",
  "export const createClient = () => new BedrockRuntimeClient({ region: 'us-east-1' });",
  '',
].join('\n');
const CHAT = [
  "import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';",
  "import { createClient } from './factory.js';",
  "export const ask = (text: string) => createClient().send(new ConverseCommand({ modelId: 'meta.llama3-8b-instruct-v1:0', messages: [{ role: 'user', content: [{ text }] }] }));",
  '',
].join('\n');
const GUARD = [
  "import { ApplyGuardrailCommand, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';",
  "import { createClient } from './factory';",
  "export const check = () => createClient().send(new ApplyGuardrailCommand({ guardrailIdentifier: 'g', guardrailVersion: '1', source: 'INPUT', content: [] }));",
  "export const ask = () => createClient().send(new ConverseCommand({ modelId: 'meta.llama3-8b-instruct-v1:0', messages: [] }));",
  '',
].join('\n');
const ALONE = [
  "import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';",
  "const client = new BedrockRuntimeClient({});",
  "export const ask = () => client.send(new ConverseCommand({ modelId: 'meta.llama3-8b-instruct-v1:0', messages: [] }));",
  '',
].join('\n');

function candidate(path: string, text: string) {
  const input = { text, languageId: 'typescript' as const, settings, fileName: path, workspaceRelativePath: path };
  return { path, text, findings: refineFixability(input, analyze(input).findings) };
}

describe('local imports', () => {
  it('lists relative specifiers of imports, re-exports, require and import()', () => {
    assert.deepEqual(relativeImportsOf("import a from './a.js'; export * from '../b'; const c = require('./c'); import('x'); await import('./d');"), ['./a.js', '../b', './c', './d']);
  });
  it('resolves .js to the TypeScript source, extensionless paths and folder indexes', () => {
    const known = new Set(['src/a.ts', 'src/lib/index.ts', 'src/c.mts', 'b.js']);
    assert.equal(resolveLocalImport('src/x.ts', './a.js', known), 'src/a.ts');
    assert.equal(resolveLocalImport('src/x.ts', './a', known), 'src/a.ts');
    assert.equal(resolveLocalImport('src/x.ts', './lib', known), 'src/lib/index.ts');
    assert.equal(resolveLocalImport('src/x.ts', './c.mjs', known), 'src/c.mts');
    assert.equal(resolveLocalImport('src/x.ts', '../b.js', known), 'b.js');
    assert.equal(resolveLocalImport('src/x.ts', './missing', known), undefined);
  });
});

describe('migration groups', () => {
  it('holds back every file that shares a client with a file that cannot be migrated, naming it and its reason', () => {
    const files = [candidate('src/factory.ts', FACTORY), candidate('src/chat.ts', CHAT), candidate('src/guard.ts', GUARD), candidate('src/alone.ts', ALONE)];
    const held = heldBackFiles(files);
    assert.deepEqual([...held.keys()].sort(), ['src/chat.ts', 'src/factory.ts']);
    assert.match(held.get('src/factory.ts')!, /exchanges Bedrock clients or types with src\/guard\.ts, which is not migrated \(.*ApplyGuardrail/);
    const factory = holdBack(files[0].findings, held.get('src/factory.ts')!);
    assert.ok(factory.every((finding) => !finding.fixable), 'nothing of the factory is fixable any more');
    assert.ok(factory.some((finding) => /Not fixed automatically: it exchanges Bedrock clients/.test(finding.message)));
  });

  it('lets a group migrate when every member can', () => {
    assert.equal(heldBackFiles([candidate('src/factory.ts', FACTORY), candidate('src/chat.ts', CHAT), candidate('src/alone.ts', ALONE)]).size, 0);
  });
});
