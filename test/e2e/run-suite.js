#!/usr/bin/env node
// Runs the extension-host suite (test/integration) inside code-server, in each fixture workspace.
//   node test/e2e/run-suite.js                  the development folder (extensionDevelopmentPath = repo)
//   node test/e2e/run-suite.js --vsix X.vsix    the packaged extension, installed; an empty harness is the
//                                               development path, because VS Code runs extensionTestsPath
//                                               only in extension-development mode
// The test paths travel in the workbench's `payload` URL parameter; the exit code comes back through
// window.codeAutomationExit and the results through E2E_RESULTS_FILE.
const fs = require('fs');
const path = require('path');
const { WORKSPACES, prepareWorkspace } = require('../integration/workspaces.cjs');
const { launchBrowser } = require('./lib/browser');
const { installVsix, logTail, makeRunDirs, startCodeServer, workbenchUrl } = require('./lib/codeServer');
const { REPO, logger, outputFile, printSummary, startWatchdog } = require('./lib/run');

const vsixIndex = process.argv.indexOf('--vsix');
const vsix = vsixIndex > 0 ? path.resolve(process.argv[vsixIndex + 1]) : undefined;
const mode = vsix ? 'vsix' : 'dev';
const TESTS_INDEX = path.join(REPO, 'test', 'integration', 'out', 'index.js');
const log = logger(`suite:${mode}`);

async function main() {
  if (!fs.existsSync(TESTS_INDEX)) throw new Error(`${TESTS_INDEX} is missing: run node test/integration/build.mjs`);
  const dirs = makeRunDirs(`b2s-e2e-${mode}`);
  const resultsFile = path.join(dirs.tmp, 'results.json');
  const env = { E2E_RESULTS_FILE: resultsFile };
  if (vsix) {
    installVsix(dirs, vsix);
    env.E2E_INSTALLED_EXTENSIONS_DIR = dirs.extensions; // the suite checks it tests the installed copy
    log(`installed ${path.relative(REPO, vsix)}`);
  }
  let server;
  let browser;
  const cleanup = async () => {
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop();
  };
  const stopWatchdog = startWatchdog(log, cleanup);
  const results = [];
  let failedLaunch = false;
  let lastFailedDirs = dirs;
  try {
    // E2E_WORKSPACE=multi-root runs one workspace only, when debugging.
    const workspaces = WORKSPACES.filter((w) => !process.env.E2E_WORKSPACE || w.name === process.env.E2E_WORKSPACE);
    if (workspaces.length === 0) throw new Error(`E2E_WORKSPACE matches none of: ${WORKSPACES.map((w) => w.name).join(', ')}`);
    for (const [index, workspace] of workspaces.entries()) {
      // Each workspace gets its own code-server, browser and user-data dir: opened as the second window of one
      // code-server, the multi-root .code-workspace intermittently came up with no folders at all.
      const own = ownDirs(dirs, index);
      server = await startCodeServer(own, env);
      log(`${workspace.name}: code-server pid ${server.pid} on 127.0.0.1:${server.port}; run dir ${dirs.tmp}`);
      browser = await launchBrowser();
      const launch = await runInWorkspace(browser, server, own, workspace, resultsFile);
      results.push(...launch.results);
      failedLaunch ||= launch.failed;
      if (launch.failed) lastFailedDirs = own;
      await cleanup();
      server = undefined;
      browser = undefined;
    }
  } catch (error) {
    results.push({ title: `${mode} run`, state: 'failed', error: String(error && error.stack || error) });
  } finally {
    stopWatchdog();
    await cleanup();
  }
  const failed = printSummary(results);
  if (failed || failedLaunch) {
    log(`code-server log tail (${lastFailedDirs.log}):\n${logTail(lastFailedDirs)}`);
    log(`run dir kept for inspection: ${dirs.tmp}`);
    process.exitCode = 1;
  } else {
    fs.rmSync(dirs.tmp, { recursive: true, force: true });
  }
}

/** The run's dirs with a user-data dir (a copy of the run's settings) and a log of the workspace's own. */
function ownDirs(dirs, index) {
  const userData = path.join(dirs.tmp, `user-data-${index}`);
  fs.cpSync(dirs.userData, userData, { recursive: true });
  return { ...dirs, userData, log: path.join(dirs.tmp, `code-server-${index}.log`) };
}

/** One workbench window = one extension host running the suite in `workspace`. */
async function runInWorkspace(browser, server, dirs, workspace, resultsFile) {
  fs.rmSync(resultsFile, { force: true });
  const target = prepareWorkspace(workspace, dirs.tmp);
  const page = await browser.newPage();
  const hostLog = [];
  page.on('console', (m) => {
    const line = m.text().replace(/%c/g, '');
    hostLog.push(line);
    if (process.env.E2E_VERBOSE) console.log('  [browser]', line.slice(0, 2000));
  });
  page.on('pageerror', (e) => hostLog.push(`pageerror: ${e.message}`));
  const exitCode = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
  await page.exposeFunction('codeAutomationLog', () => {});
  const devPath = vsix ? path.join(__dirname, 'harness') : REPO;
  await page.goto(workbenchUrl(server, target, [
    ['extensionDevelopmentPath', server.remote(devPath)],
    ['extensionTestsPath', server.remote(TESTS_INDEX)],
    ['skipWelcome', 'true'],
  ]));
  const code = await exitCode;
  log(`${workspace.name}: extension tests exited with ${code}`);
  const prefix = (r) => ({ ...r, title: `[${mode}, ${workspace.name}] ${r.title}` });
  let results;
  if (fs.existsSync(resultsFile)) {
    results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')).tests.map(prefix);
  } else {
    results = [prefix({ title: 'suite', state: 'failed', error: 'no results written: the test index did not load or run' })];
  }
  const failed = code !== 0 || results.some((r) => r.state === 'failed');
  if (failed) {
    const shot = outputFile(`suite-${mode}-${workspace.open.split('/')[0]}-failure.png`);
    await page.screenshot({ path: shot }).catch(() => {});
    log(`screenshot ${path.relative(REPO, shot)}`);
    // The results file has each failure; the console matters when the index never got that far.
    if (!fs.existsSync(resultsFile)) log(`last extension host console lines:\n${hostLog.slice(-40).join('\n')}`);
    if (code !== 0 && !results.some((r) => r.state === 'failed')) {
      results.push(prefix({ title: 'suite', state: 'failed', error: `extension tests exited with ${code}` }));
    }
  }
  await page.close();
  return { results, failed };
}

main().catch((error) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
