// The extensionTestsPath entry for both runners (@vscode/test-electron and the code-server driver).
// It runs the test files for the kind of workspace that is open, prints a closing
// "N passed, N failed, N skipped" line and, when E2E_RESULTS_FILE is set, writes the results as JSON
// (the driver's reliable channel: console output reaches it only through the browser).
import * as fs from 'fs';
import Mocha from 'mocha';
import * as path from 'path';
import * as vscode from 'vscode';
import type { SkippableTest } from './helpers/featureTest';

interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'skipped';
  error?: string;
  reason?: string;
  durationMs?: number;
}

// Activation must be proven before anything else opens a file; Migrate Workspace rewrites every file, so
// the workspace-wide commands go last. The rest run in name order.
const FIRST = 'activation.test.js';
const LAST = 'workspace.test.js';

function inRunOrder(files: string[]): string[] {
  const rank = (f: string) => (f === FIRST ? 0 : f === LAST ? 2 : 1);
  return [...files].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export function run(): Promise<void> {
  // A .code-workspace is open in the multi-root launch, a plain folder in the single-folder one.
  const kind = vscode.workspace.workspaceFile ? 'multi-root' : 'single-folder';
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 180_000, reporter: 'spec' });
  const dir = path.join(__dirname, kind);
  for (const file of inRunOrder(fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')))) mocha.addFile(path.join(dir, file));

  const results: TestResult[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run(() => {
      const count = (state: TestResult['state']) => results.filter((r) => r.state === state).length;
      const summary = { workspace: kind, passed: count('passed'), failed: count('failed'), skipped: count('skipped'), tests: results };
      console.log(`${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`);
      if (process.env.E2E_RESULTS_FILE) fs.writeFileSync(process.env.E2E_RESULTS_FILE, JSON.stringify(summary, null, 2));
      if (summary.failed > 0) reject(new Error(`${summary.failed} tests failed`));
      else resolve();
    });
    runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
    // Hook failures ('before all' ...) arrive here too, so a broken setup counts as a failure.
    runner.on('fail', (t, error) => results.push({ title: t.fullTitle(), state: 'failed', error: String(error?.stack ?? error), durationMs: t.duration }));
    runner.on('pending', (t) => results.push({ title: t.fullTitle(), state: 'skipped', reason: (t as SkippableTest).skipReason ?? 'skipped' }));
  });
}
