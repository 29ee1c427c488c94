#!/usr/bin/env node
// UI smoke test on the installed .vsix, through the workbench only (what a user sees): squiggles and the
// Problems panel, Ctrl+. quick fix saved to disk, the report command from the command palette, Migrate Workspace
// through its modal and file picker.
//   node test/e2e/run-ui.js X.vsix          UPDATE_SCREENSHOT=1 also refreshes docs/images/problems-panel.png
const fs = require('fs');
const path = require('path');
const { WORKSPACES, prepareWorkspace } = require('../integration/workspaces.cjs');
const { PENDING } = require('../integration/out/pending.js');
const { launchBrowser } = require('./lib/browser');
const { installVsix, logTail, makeRunDirs, startCodeServer, workbenchUrl } = require('./lib/codeServer');
const { REPO, logger, outputFile, printSummary, startWatchdog } = require('./lib/run');
const steps = require('./ui/steps');

const vsix = path.resolve(process.argv[2] || path.join(REPO, 'bedrock-to-sagemaker.vsix'));
const log = logger('ui');

async function main() {
  const dirs = makeRunDirs('b2s-e2e-ui');
  installVsix(dirs, vsix);
  log(`installed ${path.relative(REPO, vsix)}`);
  const workspace = prepareWorkspace(WORKSPACES.find((w) => !w.isWorkspaceFile), dirs.tmp);
  const file = path.join(workspace, 'src', 'chat.ts');
  let server;
  let browser;
  const cleanup = async () => {
    if (browser) await browser.close().catch(() => {});
    if (server) await server.stop();
  };
  const stopWatchdog = startWatchdog(log, cleanup);
  const results = [];
  let page;
  try {
    server = await startCodeServer(dirs);
    log(`code-server pid ${server.pid} on 127.0.0.1:${server.port}; run dir ${dirs.tmp}`);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    page.setDefaultTimeout(45000);
    await page.goto(workbenchUrl(server, workspace, [['openFile', server.remote(file)], ['skipWelcome', 'true']]));
    const context = { page, file, log, screenshot: saveSuccessScreenshot };
    for (const step of steps.ALL) {
      const reason = step.feature && PENDING[step.feature];
      if (reason) {
        results.push({ title: step.title, state: 'skipped', reason: `pending: ${reason}` });
        continue;
      }
      const started = Date.now();
      try {
        await step.run(context);
        results.push({ title: step.title, state: 'passed', durationMs: Date.now() - started });
        log(`ok: ${step.title}`);
      } catch (error) {
        results.push({ title: step.title, state: 'failed', error: error.message });
        const shot = outputFile(`ui-${step.id}-failure.png`);
        await page.screenshot({ path: shot }).catch(() => {});
        fs.writeFileSync(outputFile(`ui-${step.id}-failure.html`), await page.content().catch(() => ''));
        log(`FAILED: ${step.title}; screenshot ${path.relative(REPO, shot)}`);
        break; // later steps build on this one
      }
    }
  } catch (error) {
    results.push({ title: 'UI smoke run', state: 'failed', error: String(error && error.stack || error) });
  } finally {
    stopWatchdog();
    await cleanup();
  }
  if (printSummary(results)) {
    log(`code-server log tail (${dirs.log}):\n${logTail(dirs)}`);
    log(`run dir kept for inspection: ${dirs.tmp}`);
    process.exitCode = 1;
  } else {
    fs.rmSync(dirs.tmp, { recursive: true, force: true });
  }
}

/** The success screenshot of the Problems panel; the README's copy is refreshed on request only. */
async function saveSuccessScreenshot(page, name) {
  const shot = outputFile(`${name}.png`);
  await page.screenshot({ path: shot });
  log(`screenshot ${path.relative(REPO, shot)}`);
  if (process.env.UPDATE_SCREENSHOT === '1') {
    const docs = path.join(REPO, 'docs', 'images', `${name}.png`);
    fs.mkdirSync(path.dirname(docs), { recursive: true });
    fs.copyFileSync(shot, docs);
    log(`copied to ${path.relative(REPO, docs)}`);
  }
}

main().catch((error) => {
  console.error(error);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
