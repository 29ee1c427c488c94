// The CI entry points run for real: the GitHub Action's `run:` steps as bash scripts with the environment the
// action gives them, and the pre-commit hook's `entry` on a temporary git repository's files, matched by its
// `files` pattern the way pre-commit does. What cannot run here (actions/setup-node, the SARIF upload, `npm ci` of
// the action's own repository when the CLI is not built yet) is checked for shape only.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO_ROOT, buildCli, removeSnapshot } from './support/cliBuild';
import { BEDROCK_TS, CLEAN_TS } from './support/samples';
import { createWorkspace, removeWorkspace } from './support/tempWorkspace';

// js-yaml comes with gray-matter (the engine's front matter reader); version 3's safeLoad.
const yaml = createRequire(__filename)('js-yaml') as { safeLoad(text: string): unknown };

interface ActionStep {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}
interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames?: boolean;
}

const action = yaml.safeLoad(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as Action;
const hooks = yaml.safeLoad(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

/** `${{ inputs.x }}` and `${{ github.action_path }}` as the runner substitutes them in a step's env. */
function expand(value: string, inputs: Record<string, string>, actionPath: string, outputs: Record<string, Record<string, string>> = {}): string {
  return value.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_match, expression: string) => {
    if (expression === 'github.action_path') return actionPath;
    if (expression.startsWith('inputs.')) return inputs[expression.slice('inputs.'.length)] ?? '';
    const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
    if (output) return outputs[output[1]]?.[output[2]] ?? '';
    throw new Error(`the test does not know the expression ${expression}`);
  });
}

/** Runs the action's bash steps in order, in `workspace`, like the runner; returns the step outputs and logs. */
function runAction(workspace: string, given: Record<string, string>, actionPath: string) {
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, given[name] ?? input.default ?? '']));
  const outputs: Record<string, Record<string, string>> = {};
  const logs: string[] = [];
  let failed: { step: string; status: number | null } | undefined;
  for (const step of action.runs.steps) {
    if (!step.run) continue;
    // The only conditions the bash steps use: the fail switch.
    if (step.if && !(step.if.includes('inputs.fail-on-findings') && inputs['fail-on-findings'] === 'true')) continue;
    const outputFile = join(workspace, `.github-output-${step.id ?? 'step'}`);
    rmSync(outputFile, { force: true });
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH, GITHUB_OUTPUT: outputFile, GITHUB_WORKSPACE: workspace, GITHUB_ACTION_PATH: actionPath,
    };
    for (const [name, value] of Object.entries(step.env ?? {})) {
      env[name] = expand(value, inputs, actionPath, outputs);
    }
    // What the runner runs for `shell: bash`: bash --noprofile --norc -eo pipefail {0}.
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], { cwd: workspace, env, encoding: 'utf8', timeout: 120_000 });
    logs.push(result.stdout, result.stderr);
    if (step.id) {
      const text = existsSync(outputFile) ? readFileSync(outputFile, 'utf8') : '';
      outputs[step.id] = Object.fromEntries(text.split('\n').filter((line) => line.includes('=')).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
    }
    if (result.status !== 0) {
      failed = { step: step.name ?? step.id ?? '?', status: result.status };
      break;
    }
  }
  return { outputs, log: logs.join(''), failed };
}

describe('GitHub Action (action.yml)', { timeout: 300_000 }, () => {
  let cli: string;
  let workspace: string;

  before(() => {
    // Builds server/out/cli.js when a source changed, so the "Build the CLI" step finds it and installs nothing.
    cli = buildCli();
    workspace = createWorkspace({
      '.git/HEAD': 'ref: refs/heads/main\n',
      'src/app.ts': BEDROCK_TS,
      'src/clean.ts': CLEAN_TS,
      'docs/readme.md': '# Docs\n\nNothing to see.\n',
    });
  });
  after(() => {
    removeSnapshot(cli);
    removeWorkspace(workspace);
  });

  test('is a composite action that runs the CLI of its own repository and uploads SARIF', () => {
    assert.equal(action.runs.using, 'composite');
    const uses = action.runs.steps.flatMap((step) => (step.uses ? [step.uses] : []));
    assert.ok(uses.some((ref) => ref.startsWith('github/codeql-action/upload-sarif@')), 'uploads with upload-sarif');
    const upload = action.runs.steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
    assert.match(String(upload.with?.sarif_file), /steps\.scan\.outputs\.sarif-file/);
    assert.match(upload.if ?? '', /always\(\)/, 'uploads even when an earlier step failed');
    const scan = action.runs.steps.find((step) => step.id === 'scan')!;
    assert.match(scan.run ?? '', /\$ACTION_PATH\/server\/out\/cli\.js/);
    // Inputs reach scripts through env only: no `${{ }}` inside a script, where a crafted input would be code.
    for (const step of action.runs.steps) assert.doesNotMatch(step.run ?? '', /\$\{\{/, `${step.name}: expression inside run`);
  });

  test('with findings: writes SARIF, sets the outputs, and fails after the upload step', () => {
    const { outputs, log, failed } = runAction(workspace, { paths: 'src docs' }, REPO_ROOT);
    assert.deepEqual(failed, { step: 'Fail on findings', status: 1 }, log);
    assert.equal(outputs.scan.findings, '4', 'the four findings of src/app.ts');
    const sarif = JSON.parse(readFileSync(join(workspace, outputs.scan['sarif-file']), 'utf8')) as { version: string; runs: Array<{ results: unknown[] }> };
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0].results.length, 4);
    assert.match(log, /found 4 Amazon Bedrock use\(s\) to migrate/);
  });

  test('fail-on-findings false, region and sarif-file inputs', () => {
    const { outputs, failed, log } = runAction(workspace, { paths: 'src', 'fail-on-findings': 'false', region: 'cn-north-1', 'sarif-file': 'out.sarif' }, REPO_ROOT);
    assert.equal(failed, undefined, log);
    assert.equal(outputs.scan['sarif-file'], 'out.sarif');
    assert.ok(existsSync(join(workspace, 'out.sarif')));
    assert.match(readFileSync(join(workspace, 'out.sarif'), 'utf8'), /cn-north-1/);
  });

  test('files that could not be analysed: the SARIF is written and uploaded, then the job fails with exit code 3', () => {
    mkdirSync(join(workspace, 'blind'), { recursive: true });
    writeFileSync(join(workspace, 'blind', 'blob.ts'), Buffer.from([0x63, 0x00, 0x01, 0x02]));
    const { outputs, failed, log } = runAction(workspace, { paths: 'blind' }, REPO_ROOT);
    assert.equal(outputs.scan.skipped, 'true', log);
    assert.ok(existsSync(join(workspace, outputs.scan['sarif-file'])), 'the SARIF log is there for the upload');
    assert.deepEqual(failed, { step: 'Fail on findings', status: 3 }, log);
    assert.match(log, /could not analyse some files/);
  });

  test('a clean tree passes; a scan error fails the scan step with its exit code', () => {
    assert.equal(runAction(workspace, { paths: 'src/clean.ts docs' }, REPO_ROOT).outputs.scan.findings, '0');
    assert.equal(runAction(workspace, { paths: 'src/clean.ts' }, REPO_ROOT).failed, undefined);
    const broken = runAction(workspace, { paths: 'no-such-folder' }, REPO_ROOT);
    assert.deepEqual(broken.failed, { step: 'Scan', status: 2 });
    assert.match(broken.log, /could not scan \(exit code 2\)/);
  });
});

describe('pre-commit hook (.pre-commit-hooks.yaml)', { timeout: 300_000 }, () => {
  let cli: string;
  let repo: string;

  before(() => {
    cli = buildCli();
    repo = mkdtempSync(join(tmpdir(), 'b2s-pre-commit-'));
    createWorkspaceIn(repo);
  });
  after(() => {
    removeSnapshot(cli);
    rmSync(repo, { recursive: true, force: true });
  });

  function createWorkspaceIn(root: string): void {
    const git = (...args: string[]) => {
      const result = spawnSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
      assert.equal(result.status, 0, result.stderr);
    };
    const files = createWorkspace({
      'src/app.ts': BEDROCK_TS,
      'src/clean.ts': CLEAN_TS,
      'README.md': '# Service\n\nNothing about models.\n',
      'package.json': JSON.stringify({ name: 'svc', dependencies: { '@aws-sdk/client-bedrock-runtime': '^3.600.0' } }, null, 2),
      'assets/logo.svg': '<svg/>',
    });
    spawnSync('cp', ['-a', `${files}/.`, root]);
    removeWorkspace(files);
    git('init', '-q');
    git('add', '.');
  }

  /** The staged files pre-commit would pass: `git ls-files` filtered by the hook's `files` (a Python regex, searched). */
  function stagedFiles(hook: Hook): string[] {
    const listed = spawnSync('git', ['ls-files'], { cwd: repo, encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
    const pattern = new RegExp(hook.files);
    return listed.filter((file) => pattern.test(file));
  }

  /** The hook's entry with the bin name resolved to the built CLI, the way the npm-installed bin would run it. */
  function runEntry(hook: Hook, files: string[]) {
    const [bin, ...args] = hook.entry.split(/\s+/);
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    assert.ok(manifest.bin[bin], `the entry's command ${bin} is a bin of the package`);
    return spawnSync(process.execPath, [cli, ...args, ...files], { cwd: repo, encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C' } });
  }

  test('declares one node hook that receives file names', () => {
    assert.equal(hooks.length, 1);
    assert.equal(hooks[0].id, 'bedrock-to-sagemaker');
    assert.equal(hooks[0].language, 'node');
    assert.notEqual(hooks[0].pass_filenames, false);
  });

  test('its files pattern picks the files the CLI reads', () => {
    assert.deepEqual(stagedFiles(hooks[0]).sort(), ['README.md', 'package.json', 'src/app.ts', 'src/clean.ts']);
  });

  test('fails on staged Bedrock use and passes on clean files', () => {
    const dirty = runEntry(hooks[0], stagedFiles(hooks[0]));
    assert.equal(dirty.status, 1, dirty.stderr);
    assert.match(dirty.stdout, /src\/app\.ts:2:\d+ error bedrock\/runtime-client/);
    assert.match(dirty.stdout, /package\.json:\d+:\d+ warning bedrock\/dependency/);
    const clean = runEntry(hooks[0], ['src/clean.ts', 'README.md']);
    assert.equal(clean.status, 0, clean.stdout + clean.stderr);
  });
});
