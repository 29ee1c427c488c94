// npm run test:vscode — the same extension-host suite in a desktop VS Code that @vscode/test-electron
// downloads (so it needs internet; CI uses npm run test:e2e instead). On headless Linux run it under a
// display server: `xvfb-run -a npm run test:vscode`.
//   --vsix X.vsix   test the packaged extension, installed into a temp extensions dir
//   VSCODE_VERSION  VS Code to download (default 1.100.3, the engines.vscode floor and code-server's)
//   VSCODE_EXECUTABLE  use this VS Code instead of downloading one
import { downloadAndUnzipVSCode, resolveCliPathFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { WORKSPACES, prepareWorkspace } = require('./workspaces.cjs');

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const vsixArg = process.argv.indexOf('--vsix');
const vsix = vsixArg > 0 ? resolve(process.argv[vsixArg + 1]) : undefined;
const version = process.env.VSCODE_VERSION || '1.100.3';
// Downloads are cached outside the repo, next to the code-server used by test:e2e.
const cachePath = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'bedrock-to-sagemaker-e2e', 'vscode-test');

if (spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repo, stdio: 'inherit' }).status !== 0) process.exit(1);
if (spawnSync(process.execPath, [join(here, 'build.mjs')], { stdio: 'inherit' }).status !== 0) process.exit(1);

const vscodeExecutablePath = process.env.VSCODE_EXECUTABLE || await downloadAndUnzipVSCode({ version, cachePath }).catch((error) => {
  console.error(`Could not download VS Code ${version} (${error.message}). Without internet, run npm run test:e2e.`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
const tmp = mkdtempSync(join(tmpdir(), 'b2s-vscode-test-'));
const extensionsDir = join(tmp, 'extensions');
const env = {};
if (vsix) {
  // The CLI path alone: resolveCliArgs... would add the default --extensions-dir next to ours.
  const cli = resolveCliPathFromVSCodeExecutablePath(vscodeExecutablePath);
  execFileSync(cli, ['--extensions-dir', extensionsDir, '--user-data-dir', join(tmp, 'user-data'), '--install-extension', vsix], { stdio: 'inherit' });
  env.E2E_INSTALLED_EXTENSIONS_DIR = extensionsDir;
}

const totals = { passed: 0, failed: 0, skipped: 0 };
for (const workspace of WORKSPACES) {
  const resultsFile = join(tmp, `results-${WORKSPACES.indexOf(workspace)}.json`);
  console.log(`== ${vsix ? 'installed .vsix' : 'development folder'}, ${workspace.name}`);
  try {
    await runTests({
      vscodeExecutablePath,
      // VS Code runs extensionTestsPath only in extension-development mode: an empty harness stands in.
      extensionDevelopmentPath: vsix ? join(repo, 'test', 'e2e', 'harness') : repo,
      extensionTestsPath: join(here, 'out', 'index.js'),
      extensionTestsEnv: { ...env, E2E_RESULTS_FILE: resultsFile },
      // runTests adds --disable-workspace-trust, --skip-welcome and --skip-release-notes itself.
      launchArgs: [prepareWorkspace(workspace, tmp), '--user-data-dir', join(tmp, 'user-data'), '--extensions-dir', extensionsDir],
    });
  } catch (error) {
    console.error(`VS Code exited with a failure: ${error.message}`);
  }
  if (existsSync(resultsFile)) {
    const summary = JSON.parse(readFileSync(resultsFile, 'utf8'));
    for (const key of Object.keys(totals)) totals[key] += summary[key];
  } else {
    totals.failed += 1; // the index never ran: count the launch as a failure
  }
}
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
if (totals.failed > 0) console.log(`run dir kept for inspection: ${tmp}`);
else rmSync(tmp, { recursive: true, force: true });
process.exit(totals.failed > 0 ? 1 : 0);
