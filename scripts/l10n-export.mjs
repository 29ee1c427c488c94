#!/usr/bin/env node
// Checks l10n/bundle.l10n.zh-cn.json against the strings in the code.
// Extracts every l10n.t() / vscode.l10n.t() key from server/src and client/src with @vscode/l10n-dev,
// prints the keys the Chinese bundle lacks and the stale keys it has that the code no longer uses,
// and exits 1 when any key is missing (stale keys alone only warn).
//
//   node scripts/l10n-export.mjs           report missing / stale keys
//   node scripts/l10n-export.mjs --json    also print the missing keys as a JSON object { key: "" } to stdout
//   node scripts/l10n-export.mjs --out F   write the full English bundle (extraction order) to F
import { getL10nJson } from '@vscode/l10n-dev';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDirs = ['server/src', 'client/src'];
const bundlePath = join(root, 'l10n', 'bundle.l10n.zh-cn.json');
const extensions = new Set(['.ts', '.tsx', '.js', '.jsx']);

const args = process.argv.slice(2);
const wantJson = args.includes('--json');
const outIndex = args.indexOf('--out');
const outFile = outIndex >= 0 ? args[outIndex + 1] : undefined;
if (outIndex >= 0 && !outFile) {
  console.error('--out needs a file name');
  process.exit(2);
}

function sourceFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((entry) => {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) return sourceFiles(path);
      return extensions.has(extname(path)) && !path.endsWith('.d.ts') ? [path] : [];
    });
}

const files = sourceDirs.flatMap((dir) => sourceFiles(join(root, dir)));
// Parsing is the slow part; a file that never mentions l10n cannot call l10n.t() / vscode.l10n.t().
const scripts = files
  .map((file) => ({ extension: extname(file), contents: readFileSync(file, 'utf8') }))
  .filter((script) => script.contents.includes('l10n'));
const english = await getL10nJson(scripts);
const keys = Object.keys(english);

let chinese;
try {
  chinese = JSON.parse(readFileSync(bundlePath, 'utf8'));
} catch (error) {
  console.error(`cannot read ${relative(root, bundlePath)}: ${error.message}`);
  process.exit(2);
}

const missing = keys.filter((key) => !Object.hasOwn(chinese, key));
const used = new Set(keys);
const stale = Object.keys(chinese).filter((key) => !used.has(key));

if (outFile) writeFileSync(outFile, `${JSON.stringify(english, null, 2)}\n`);

const bundleName = relative(root, bundlePath);
console.error(`${keys.length} keys in ${files.length} files; ${bundleName} has ${Object.keys(chinese).length} entries.`);
if (missing.length > 0) {
  console.error(`\nMissing from ${bundleName} (${missing.length}):`);
  for (const key of missing) console.error(`  ${JSON.stringify(key)}`);
}
if (stale.length > 0) {
  console.error(`\nStale in ${bundleName}, no longer in the code (${stale.length}):`);
  for (const key of stale) console.error(`  ${JSON.stringify(key)}`);
}
if (wantJson) {
  const template = Object.fromEntries(missing.map((key) => [key, '']));
  process.stdout.write(`${JSON.stringify(template, null, 2)}\n`);
}
if (missing.length === 0 && stale.length === 0) console.error('Everything is translated.');
process.exit(missing.length > 0 ? 1 : 0);
