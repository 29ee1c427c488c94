// What every driver shares: timestamps, the watchdog, the output folder and the closing summary line.
const fs = require('fs');
const path = require('path');

const REPO = path.resolve(__dirname, '..', '..', '..');
const OUTPUT_DIR = path.join(REPO, '.test-output', 'e2e');

function logger(tag) {
  const t0 = Date.now();
  return (...args) => console.log(`[${tag} +${((Date.now() - t0) / 1000).toFixed(1)}s]`, ...args);
}

/** Kills the run if it hangs: calls `onTimeout` (cleanup by PID), then exits 124. */
function startWatchdog(log, onTimeout) {
  const timeoutMs = Number(process.env.E2E_TIMEOUT_MS || 300000);
  const timer = setTimeout(async () => {
    log(`TIMEOUT after ${timeoutMs} ms (E2E_TIMEOUT_MS)`);
    await Promise.race([onTimeout(), new Promise((r) => setTimeout(r, 10000))]).catch(() => {});
    console.log('0 passed, 1 failed');
    process.exit(124);
  }, timeoutMs);
  return () => clearTimeout(timer);
}

function outputFile(name) {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
  return path.join(OUTPUT_DIR, name);
}

/** Prints one line per test, then the closing "N passed, N failed, N skipped" line run-all.sh sums. */
function printSummary(results) {
  for (const r of results) {
    const mark = { passed: 'ok  ', failed: 'FAIL', skipped: 'skip' }[r.state];
    const time = r.durationMs === undefined ? '' : ` (${(r.durationMs / 1000).toFixed(1)} s)`;
    console.log(`  ${mark} ${r.title}${time}${r.reason ? ` (${r.reason})` : ''}${r.error ? `\n${indent(r.error)}` : ''}`);
  }
  const count = (state) => results.filter((r) => r.state === state).length;
  console.log(`${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`);
  return count('failed');
}

const indent = (text) => String(text).split('\n').slice(0, 15).map((l) => `       ${l}`).join('\n');

module.exports = { REPO, OUTPUT_DIR, logger, startWatchdog, outputFile, printSummary };
