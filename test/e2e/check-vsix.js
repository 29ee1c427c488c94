#!/usr/bin/env node
// Checks the packaged .vsix against .vscodeignore's whitelist: it holds what the extension needs at run
// time and nothing else (no sources, sourcemaps, tests or node_modules).  Usage: check-vsix.js X.vsix
const path = require('path');
const { listZip } = require('./lib/zip');
const { printSummary } = require('./lib/run');

const vsix = path.resolve(process.argv[2] || 'bedrock-to-sagemaker.vsix');
const REQUIRED = ['package.json', 'client/out/extension.js', 'server/out/server.js', 'server/out/cli.js', 'server/out/cli-main.js', 'server/out/sagemaker-discovery.js', 'readme.md', 'changelog.md', 'LICENSE.txt'];
const ALLOWED = [/^package\.json$/, /^package\.nls(\.[\w-]+)?\.json$/, /^readme\.md$/, /^changelog\.md$/, /^LICENSE\.txt$/,
  /^client\/out\/extension\.js$/, /^server\/out\/(server|cli|cli-main|sagemaker-discovery)\.js$/, /^server\/out\/[^/]+\.wasm$/, /^syntaxes\//, /^l10n\//];

const results = [];
function check(title, fn) {
  try {
    fn();
    results.push({ title, state: 'passed' });
  } catch (error) {
    results.push({ title, state: 'failed', error: error.message });
  }
}
const expect = (ok, message) => { if (!ok) throw new Error(message); };

let zip;
check(`${path.basename(vsix)} is a readable package`, () => { zip = listZip(vsix); });
if (zip) {
  const files = zip.names.filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length));
  const manifest = JSON.parse(zip.read('extension/package.json'));
  check('it contains the bundles, README, CHANGELOG and LICENSE', () => {
    const missing = REQUIRED.filter((f) => !files.includes(f));
    expect(missing.length === 0, `missing: ${missing.join(', ')}`);
  });
  check('it contains nothing outside the .vscodeignore whitelist (no sources, sourcemaps, tests)', () => {
    const extra = files.filter((f) => !ALLOWED.some((re) => re.test(f)));
    expect(extra.length === 0, `not whitelisted: ${extra.slice(0, 20).join(', ')}`);
  });
  check("the manifest's main entry is in the package", () => {
    const main = path.posix.normalize(manifest.main || '').replace(/^\.\//, '');
    expect(files.includes(main) || files.includes(`${main}.js`), `main '${manifest.main}' is not packaged`);
  });
  check('every %placeholder% in package.json has its package.nls.json entry', () => {
    const keys = [...JSON.stringify(manifest).matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]);
    if (keys.length === 0) return;
    const nls = zip.read('extension/package.nls.json');
    expect(nls !== undefined, `package.json uses ${keys.length} %placeholders% but package.nls.json is not packaged`);
    const missing = keys.filter((k) => !(k in JSON.parse(nls)));
    expect(missing.length === 0, `package.nls.json lacks: ${missing.join(', ')}`);
  });
  check('every .wasm file the server bundles refer to is packaged next to them', () => {
    const wanted = new Set();
    for (const bundle of ['server/out/server.js', 'server/out/cli-main.js']) {
      for (const m of (zip.read(`extension/${bundle}`) || '').matchAll(/["'`]([\w.-]+\.wasm)["'`]/g)) wanted.add(m[1]);
    }
    const missing = [...wanted].filter((w) => !files.includes(`server/out/${w}`));
    expect(missing.length === 0, `referenced but not packaged: ${missing.join(', ')}`);
  });
}
process.exitCode = printSummary(results) ? 1 : 0;
