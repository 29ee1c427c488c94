// In-memory tests of how Migrate Workspace lists its files: what each changed file needs from the files the
// edit creates, so the client can apply a subset that still compiles.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FixProposal } from '../../server/src/engine/fixTypes';
import type { Finding } from '../../server/src/engine/types';
import { type CreationPolicy, MigrationEditBuilder, type MigrationFile } from '../../server/src/lsp/reportMigrationEdit';
import { FOLDER_A } from '../helpers/lspSamples';

const ADAPTER = `${FOLDER_A.uri}/src/sagemaker-converse.ts`;
const finding = (fixable: boolean): Finding => ({
  ruleId: 'bedrock/converse', range: { start: 0, end: 3 }, severity: 'error', category: 'has-equivalent',
  message: 'Converse', equivalent: 'InvokeEndpoint', fixable, data: {},
} as Finding);

function file(path: string, findings: Finding[] = [finding(true)]): MigrationFile {
  const document = TextDocument.create(`${FOLDER_A.uri}/${path}`, 'typescript', 0, 'old text\n');
  return { folder: FOLDER_A, label: path, document, version: null, findings };
}

function proposal(createsAdapter: boolean): FixProposal {
  const createFiles = createsAdapter ? [{ path: 'src/sagemaker-converse.ts', content: 'adapter\n', ifMissing: true }] : undefined;
  return { title: 'Migrate', kind: 'quickfix', edits: [{ range: { start: 0, end: 3 }, newText: 'new' }], createFiles };
}

const builder = (policy: Partial<CreationPolicy> = {}) => new MigrationEditBuilder({ exists: () => false, ...policy });

describe('Migrate Workspace file list (in memory)', () => {
  test('every file that needs the adapter requires it, though the edit creates it once', () => {
    const edit = builder();
    edit.add(file('src/a.ts'), proposal(true));
    edit.add(file('src/b.ts', [finding(true), finding(false)]), proposal(true));
    edit.add(file('src/plain.ts'), proposal(false));
    const result = edit.result();
    assert.deepEqual(result.filesCreated, [ADAPTER]);
    assert.deepEqual(result.files, [
      { uri: `${FOLDER_A.uri}/src/a.ts`, label: 'src/a.ts', fixedFindings: 1, requires: [ADAPTER] },
      { uri: `${FOLDER_A.uri}/src/b.ts`, label: 'src/b.ts', fixedFindings: 1, requires: [ADAPTER] },
      { uri: `${FOLDER_A.uri}/src/plain.ts`, label: 'src/plain.ts', fixedFindings: 1, requires: [] },
    ]);
    assert.equal(result.remaining.length, 1);
  });

  test('an adapter already on disk is neither created nor required', () => {
    const edit = builder({ exists: (uri) => uri === ADAPTER });
    edit.add(file('src/a.ts'), proposal(true));
    const result = edit.result();
    assert.deepEqual(result.filesCreated, []);
    assert.deepEqual(result.files.map((entry) => entry.requires), [[]]);
  });

  test('a file whose adapter cannot be created is not listed, and its findings stay for manual migration', () => {
    const edit = builder({ refusal: 'Restricted Mode' });
    edit.add(file('src/a.ts'), proposal(true));
    edit.add(file('src/plain.ts'), proposal(false));
    const result = edit.result();
    assert.deepEqual(result.files.map((entry) => entry.label), ['src/plain.ts']);
    assert.equal(result.fixedFindings, 1);
    assert.deepEqual(result.remaining.map((entry) => entry.uri), [`${FOLDER_A.uri}/src/a.ts`]);
  });
});
