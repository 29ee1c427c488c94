// Baselines for the scan benchmark: walk the tree and read every file ("read"), and additionally parse
// the files that mention Bedrock with the TypeScript parser ("parse"), as the engine must at least do.
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const ts = require('typescript');

const [root, mode] = process.argv.slice(2);
let files = 0;
let parsed = 0;
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else {
      const text = readFileSync(path, 'utf8');
      files++;
      if (mode === 'parse' && /bedrock/i.test(text)) {
        ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
        parsed++;
      }
    }
  }
};
walk(root);
console.log(JSON.stringify({ files, parsed }));
