// The launcher (server/out/cli.js) runs the CLI bundle from V8's code cache: the cache must never change what the
// CLI does, and a missing, corrupt or disabled cache must only cost a compile.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildCli, removeSnapshot } from './support/cliBuild';
import { runCli } from './support/runCli';
import { createWorkspace, removeWorkspace } from './support/tempWorkspace';

const SOURCE = 'import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";\nexport const client = new BedrockRuntimeClient({});\n';
const PYTHON_DOC = '# Notes\n\n```python\nimport boto3\nclient = boto3.client("bedrock-runtime")\n```\n';

describe('compile cache of the CLI launcher', () => {
  let cli: string;
  let workspace: string;
  let cacheHome: string;
  before(() => {
    cli = buildCli();
    workspace = createWorkspace({ 'src/app.ts': SOURCE, 'docs/notes.md': PYTHON_DOC });
    cacheHome = mkdtempSync(join(tmpdir(), 'b2s-cache-'));
  });
  after(() => {
    removeSnapshot(cli);
    removeWorkspace(workspace);
    rmSync(cacheHome, { recursive: true, force: true });
  });

  const scan = (env: Record<string, string> = {}) => runCli(cli, ['scan', '--format', 'json'], { cwd: workspace, env: { XDG_CACHE_HOME: cacheHome, ...env } });
  const cacheFiles = () => readdirSync(join(cacheHome, 'bedrock-to-sagemaker')).filter((name) => name.endsWith('.v8cache'));

  test('the first run writes one cache file; later runs print exactly the same, Python fences included', () => {
    const first = scan();
    assert.equal(first.status, 1, first.stderr);
    assert.equal(first.stderr, '');
    assert.equal(cacheFiles().length, 1);
    assert.match(first.stdout, /bedrock\/python-sdk/);
    const second = scan();
    assert.equal(second.stderr, '');
    assert.equal(second.stdout, first.stdout);
  });

  test('a corrupt cache is rejected and rewritten, with the same output', () => {
    const expected = scan().stdout;
    const [name] = cacheFiles();
    const path = join(cacheHome, 'bedrock-to-sagemaker', name!);
    writeFileSync(path, 'not a V8 code cache');
    const run = scan();
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, expected);
    assert.deepEqual(cacheFiles(), [name]);
    assert.notEqual(readFileSync(path, 'utf8'), 'not a V8 code cache', 'rewritten');
  });

  test('BEDROCK_TO_SAGEMAKER_NO_COMPILE_CACHE turns it off', () => {
    const fresh = mkdtempSync(join(tmpdir(), 'b2s-nocache-'));
    try {
      const run = runCli(cli, ['scan', '--format', 'json'], { cwd: workspace, env: { XDG_CACHE_HOME: fresh, BEDROCK_TO_SAGEMAKER_NO_COMPILE_CACHE: '1' } });
      assert.equal(run.status, 1, run.stderr);
      assert.deepEqual(readdirSync(fresh), []);
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});
