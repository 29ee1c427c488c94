// The layering check (.dependency-cruiser.cjs, run by `npm run check-types`) must be able to fail: a scratch tree laid
// out like the repository gets one upward import per rule, beside imports the layering allows, and the check must
// report exactly the upward ones.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';

const ROOT = join(__dirname, '..', '..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

/** [importing file, imported file or bare module, whether the import is type-only]. */
type Arrow = [from: string, to: string, typeOnly?: boolean];

const ALLOWED: Arrow[] = [
  ['server/src/server.ts', 'server/src/lsp/handlers.ts'],
  ['server/src/lsp/handlers.ts', 'server/src/engine/analyze.ts'],
  ['server/src/lsp/handlers.ts', 'server/src/report/render.ts'],
  ['server/src/cli.ts', 'server/src/cli/main.ts'],
  ['server/src/cli/main.ts', 'server/src/report/render.ts'],
  ['server/src/report/render.ts', 'server/src/formats/sarif.ts'],
  ['server/src/formats/sarif.ts', 'server/src/workspace/scan.ts'],
  ['server/src/workspace/scan.ts', 'server/src/engine/analyze.ts'],
  ['server/src/engine/analyze.ts', 'server/src/engine/markdown/analyzeMarkdown.ts'],
  ['server/src/engine/markdown/analyzeMarkdown.ts', 'server/src/engine/python/analyzePython.ts'],
  ['server/src/engine/python/analyzePython.ts', 'server/src/engine/catalog/scanValue.ts'],
  ['server/src/engine/catalog/scanValue.ts', 'server/src/engine/types.ts', true],
  ['server/src/engine/fixes/pipeline.ts', 'server/src/engine/analyze.ts'],
  ['server/src/engine/markdown/fixes/fence.ts', 'server/src/engine/python/analyzePython.ts'],
  ['client/src/client.ts', 'shared/protocol.ts'],
];

const UPWARD: Record<string, Arrow[]> = {
  'engine-is-transport-free': [['server/src/engine/script/leak.ts', 'server/src/workspace/scan.ts']],
  'server-imports-no-vscode-api': [['server/src/lsp/editorOnly.ts', 'vscode']],
  'report-is-below-the-adapters': [['server/src/report/usesCli.ts', 'server/src/cli/main.ts']],
  'services-are-below-the-adapters': [['server/src/formats/usesReport.ts', 'server/src/report/render.ts']],
  'only-the-server-entry-imports-lsp': [['server/src/engine/usesLsp.ts', 'server/src/lsp/handlers.ts']],
  'catalog-is-the-bottom-of-the-engine': [['server/src/engine/catalog/usesScript.ts', 'server/src/engine/script/leak.ts', true]],
  'engine-base-files-stay-low': [['server/src/engine/settings.ts', 'server/src/engine/markdown/analyzeMarkdown.ts', true]],
  'detection-never-imports-fixes': [['server/src/engine/markdown/usesFixes.ts', 'server/src/engine/fixes/pipeline.ts']],
  'languages-are-independent': [['server/src/engine/python/usesShell.ts', 'server/src/engine/shell/words.ts']],
  'no-circular': [['server/src/engine/fixes/cycleA.ts', 'server/src/engine/fixes/cycleB.ts'], ['server/src/engine/fixes/cycleB.ts', 'server/src/engine/fixes/cycleA.ts']],
  'client-talks-through-shared': [['client/src/usesServer.ts', 'server/src/engine/analyze.ts']],
  'shared-imports-neither-side': [['shared/usesClient.ts', 'client/src/client.ts']],
};

/** Violations as "rule: from → to"; a rule can also catch an arrow planted for another (e.g. engine → lsp). */
function cruise(arrows: readonly Arrow[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'layering-'));
  try {
    const imports = new Map<string, string[]>();
    for (const [from, to, typeOnly] of arrows) {
      if (!imports.has(from)) imports.set(from, []);
      if (to.includes('/')) {
        if (!imports.has(to)) imports.set(to, []);
        const specifier = relative(dirname(from), to).replace(/\.ts$/, '');
        imports.get(from)!.push(`import ${typeOnly ? 'type ' : ''}{ value as v${imports.get(from)!.length} } from '${specifier.startsWith('.') ? specifier : `./${specifier}`}';`);
      } else {
        imports.get(from)!.push(`import * as v${imports.get(from)!.length} from '${to}';`);
      }
    }
    for (const [file, lines] of imports) {
      mkdirSync(join(dir, dirname(file)), { recursive: true });
      writeFileSync(join(dir, file), [...lines, 'export const value = 1;', ''].join('\n'));
    }
    const run = spawnSync(process.execPath, [DEPCRUISE, 'server/src', 'client/src', 'shared', '--config', CONFIG, '--output-type', 'json'], { cwd: dir, encoding: 'utf8' });
    assert.ok(run.stdout, run.stderr);
    const result = JSON.parse(run.stdout) as { summary: { violations: Array<{ from: string; to: string; rule: { name: string } }> } };
    return result.summary.violations.map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`).sort();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the imports the layering allows pass the check', () => {
  assert.deepEqual(cruise(ALLOWED), []);
});

// One scratch tree holds every planted import (one run of the check); each rule must catch its own.
const planted = Object.values(UPWARD).flat();
let violations: string[] | undefined;
const violationsWithEverythingPlanted = () => (violations ??= cruise([...ALLOWED, ...planted]));

for (const [rule, arrows] of Object.entries(UPWARD)) {
  test(`an upward import fails the check: ${rule}`, () => {
    const [from, to] = arrows[0];
    assert.ok(violationsWithEverythingPlanted().includes(`${rule}: ${from} → ${to}`), violationsWithEverythingPlanted().join('\n'));
  });
}

test('only planted imports are reported', () => {
  for (const violation of violationsWithEverythingPlanted()) {
    assert.ok(planted.some(([from, to]) => violation.endsWith(`: ${from} → ${to}`)), violation);
  }
});
