// Issue #10: a project through Migrate Workspace. Three fixture projects (esm-js, ts-library, monorepo-hoisted) are copied and opened
// as the workspace folders of the real language server (the built bundle, over LSP); the Migrate Workspace request's
// WorkspaceEdit is applied to the files on disk (CreateFile + TextDocumentEdits, the way VS Code applies it), and the
// result is held to what the projects suite holds scan --fix to: no new tsc error, the migrated programs print on
// the LMI stand-in what the originals printed on the Bedrock stand-in, package.json lists the SageMaker client and
// no longer the Bedrock one, and the tree is byte for byte what `scan --fix` makes of another copy.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CreateFile, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MigrateWorkspaceRequest, type MigrateWorkspaceResult } from '../../shared/reportProtocol';
import { buildCli, removeSnapshot } from '../cli/support/cliBuild';
import { LspTestClient } from '../helpers/lspClient';
import { type BedrockStandin, startBedrockStandin } from '../helpers/standins/bedrockStandin';
import { type SageMakerStandin, startSageMakerStandin } from '../helpers/standins/sageMakerStandin';
import {
  BEDROCK_SDK, type PackageJson, type ProgramResult, type ProgramSpec, type ProjectSpec, SAGEMAKER_SDK, type Tree, compareTrees, copyProject,
  describeChanges, linkMonorepoPackages, moduleSpecifiers, newDiagnostics, readConfig, removeScratch, runCliAsync, runProjectProgram, sectionsListing, snapshot,
  stopTypeCheckWorker, type TscResult, typeCheck,
} from './support/harness';

const node = (path: string): ProgramSpec => ({ path, runner: 'node' });
const tsx = (path: string): ProgramSpec => ({ path, runner: 'tsx' });

const PROJECTS: ProjectSpec[] = [
  {
    name: 'esm-js', covers: '', config: 'bedrock-to-sagemaker.config.json', tsconfig: 'tsconfig.json', packages: ['.'],
    programs: ['src/chat/converse.js', 'src/chat/converse-stream.js', 'src/completions/llama-invoke.js', 'src/completions/llama-stream.js',
      'src/completions/mistral-invoke.js'].map(node),
  },
  { name: 'ts-library', covers: '', config: 'bedrock-to-sagemaker.config.json', tsconfig: 'tsconfig.json', packages: ['.'], programs: [tsx('examples/ask.ts')] },
  // The root's package.json lists the Bedrock client packages/llm uses: the one Migrate Workspace must update.
  {
    name: 'monorepo-hoisted', covers: '', config: 'bedrock-to-sagemaker.config.json', tsconfig: 'tsconfig.json', packages: ['.', 'packages/llm', 'packages/app'],
    programs: [{ path: 'packages/app/src/main.ts', runner: 'tsx', cwd: 'packages/app' }], link: linkMonorepoPackages,
  },
];

/** Applies a WorkspaceEdit to the files on disk: CreateFile (ignoreIfExists) and TextDocumentEdits, in order. */
function applyWorkspaceEdit(edit: WorkspaceEdit): void {
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      assert.equal(change.kind, 'create', `unexpected resource operation ${JSON.stringify(change)}`);
      const path = fileURLToPath((change as CreateFile).uri);
      if (existsSync(path) && (change as CreateFile).options?.ignoreIfExists) continue;
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, '');
      continue;
    }
    const { textDocument, edits } = change as TextDocumentEdit;
    const path = fileURLToPath(textDocument.uri);
    const document = TextDocument.create(textDocument.uri, 'plaintext', 0, readFileSync(path, 'utf8'));
    writeFileSync(path, TextDocument.applyEdits(document, edits as TextEdit[]));
  }
}

interface Outcome {
  root: string;
  before: Tree;
  baseline: Map<string, ProgramResult>;
  tscBefore: TscResult;
  result: MigrateWorkspaceResult;
  afterEdit: Tree;
  tscAfter: TscResult;
  lmi: Map<string, ProgramResult>;
  /** What `scan --fix` made of another copy. */
  cliTree: Tree;
}

describe('projects through Migrate Workspace (the editor\'s path)', { timeout: 240_000 }, () => {
  let cli: string;
  let bedrock: BedrockStandin;
  let lmi: SageMakerStandin;
  let client: LspTestClient;
  const scratches: string[] = [];
  const outcomes = new Map<string, Outcome>();

  const runAll = async (root: string, programs: readonly ProgramSpec[], endpoint: string) => {
    const results: Map<string, ProgramResult> = new Map();
    for (const program of programs) results.set(program.path, await runProjectProgram(root, program, endpoint));
    return results;
  };

  before(async () => {
    cli = buildCli();
    const names = PROJECTS.flatMap((spec) => Object.values(readConfig(spec).endpoints).map((target) => target.endpointName));
    [bedrock, lmi] = await Promise.all([startBedrockStandin(), startSageMakerStandin(Object.fromEntries(names.map((name) => [name, { container: 'lmi' as const }])))]);
    const copies = PROJECTS.map((spec) => {
      const copy = copyProject(spec);
      scratches.push(copy.scratch);
      return { spec, root: copy.root, folder: { name: spec.name, uri: pathToFileURL(copy.root).href } };
    });
    // Each folder's settings are its project's config file, as VS Code would hand them over.
    client = await LspTestClient.start({
      folders: copies.map((copy) => copy.folder),
      settings: Object.fromEntries(copies.map((copy) => [copy.folder.uri, readConfig(copy.spec)])),
    });
    const partial = new Map<string, Omit<Outcome, 'result' | 'afterEdit' | 'tscAfter' | 'lmi' | 'cliTree'>>();
    for (const { spec, root } of copies) {
      const [baseline, tscBefore] = await Promise.all([runAll(root, spec.programs, bedrock.url), typeCheck(root, spec.tsconfig)]);
      partial.set(spec.name, { root, before: snapshot(root), baseline, tscBefore });
    }
    const result = await client.connection.sendRequest(MigrateWorkspaceRequest.type, {
      folders: copies.map((copy) => ({ ...copy.folder, filesExclude: [] })),
    });
    applyWorkspaceEdit(result.edit);
    for (const { spec, root } of copies) {
      const cliCopy = copyProject(spec);
      scratches.push(cliCopy.scratch);
      const fix = await runCliAsync(cli, cliCopy.root, ['scan', '.', '--fix', '--config', spec.config, '--format', 'json']);
      assert.ok(fix.code === 0 || fix.code === 1, `scan --fix on ${spec.name}: exit ${fix.code}\n${fix.stderr}`);
      const [tscAfter, lmiRuns] = await Promise.all([typeCheck(root, spec.tsconfig), runAll(root, spec.programs, lmi.url)]);
      outcomes.set(spec.name, { ...partial.get(spec.name)!, result, afterEdit: snapshot(root), tscAfter, lmi: lmiRuns, cliTree: snapshot(cliCopy.root) });
    }
  });

  after(async () => {
    await client?.stop();
    await Promise.all([bedrock?.close(), lmi?.close(), stopTypeCheckWorker()]);
    if (cli) removeSnapshot(cli);
    for (const scratch of scratches) removeScratch(scratch);
  });

  for (const spec of PROJECTS) {
    describe(spec.name, () => {
      it('the edit changes the project; tsc --noEmit has no new error', () => {
        const outcome = outcomes.get(spec.name)!;
        const changes = compareTrees(outcome.before, outcome.afterEdit);
        assert.ok(changes.modified.length > 0, 'Migrate Workspace changed nothing');
        const added = newDiagnostics(outcome.tscBefore.diagnostics, outcome.tscAfter.diagnostics);
        assert.deepEqual(added.map((diagnostic) => diagnostic.text), []);
      });

      for (const program of spec.programs) {
        it(`lmi: ${program.path} prints what it printed on Bedrock`, () => {
          const outcome = outcomes.get(spec.name)!;
          const original = outcome.baseline.get(program.path)!;
          const migrated = outcome.lmi.get(program.path)!;
          assert.ok(original.code === 0 && original.stdout.trim() !== '', `original on Bedrock: exit ${original.code}\n${original.stderr}`);
          assert.equal(migrated.code, 0, `migrated on LMI: ${migrated.stderr}`);
          assert.equal(migrated.stdout, original.stdout);
        });
      }

      it('package.json lists the SageMaker client, and the Bedrock one only while a file still imports it; the summary names the install command', () => {
        const outcome = outcomes.get(spec.name)!;
        const pkg = JSON.parse(outcome.afterEdit.get('package.json')!.toString('utf8')) as PackageJson;
        const importers = [...outcome.afterEdit].filter(([path]) => /\.(m|c)?[jt]s$/.test(path) && !path.endsWith('.d.ts'))
          .filter(([, bytes]) => moduleSpecifiers(bytes.toString('utf8')).includes(BEDROCK_SDK)).map(([path]) => path);
        // esm-js keeps one program on Bedrock (a Mistral stream read the container has no counterpart for).
        assert.deepEqual(importers, spec.name === 'esm-js' ? ['src/completions/mistral-stream.js'] : []);
        assert.equal(sectionsListing(pkg, BEDROCK_SDK).length > 0, importers.length > 0, JSON.stringify(pkg, null, 2));
        assert.ok(sectionsListing(pkg, SAGEMAKER_SDK).length > 0, JSON.stringify(pkg, null, 2));
        assert.ok(outcome.result.notes.some((note) => /npm install/.test(note)), JSON.stringify(outcome.result.notes));
      });

      it('the same tree as scan --fix on a copy, byte for byte', () => {
        const outcome = outcomes.get(spec.name)!;
        const differences = compareTrees(outcome.cliTree, outcome.afterEdit);
        assert.deepEqual(differences, { created: [], modified: [], deleted: [] }, describeChanges(outcome.cliTree, outcome.afterEdit, differences));
      });
    });
  }
});
