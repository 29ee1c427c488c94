// The rules a detector declares (`rules: [...]`, listed in docs/rules.md) are the rules it reports: every script
// and Python detector is watched while the rule fixtures and the Markdown fixtures (with their Python fences) are
// analysed, and each finding it reports must carry a rule it declares.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { analyze } from '../../server/src/engine/analyze';
import { PYTHON_DETECTORS } from '../../server/src/engine/python/detectors';
import { initPythonParser } from '../../server/src/engine/python/pythonParser';
import { SCRIPT_DETECTORS } from '../../server/src/engine/script/detectors';
import { normalizeSettings } from '../../server/src/engine/settings';
import type { LanguageId, RuleId } from '../../server/src/engine/types';

const FIXTURES = join(__dirname, '..', 'fixtures');
const LANGUAGES: Readonly<Record<string, LanguageId>> = {
  '.ts': 'typescript', '.tsx': 'typescriptreact', '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript', '.jsx': 'javascriptreact', '.md': 'markdown',
};

interface Watched {
  name: string;
  rules: readonly RuleId[];
  detect(node: never, context: { report(draft: { ruleId: RuleId }): void }): void;
}

const detectors = [...SCRIPT_DETECTORS, ...PYTHON_DETECTORS] as unknown as Watched[];
const originals = new Map(detectors.map((detector) => [detector, detector.detect]));
/** Rules each detector reported. */
const reported = new Map<Watched, Set<RuleId>>();

before(async () => {
  await initPythonParser();
  for (const detector of detectors) {
    const detect = originals.get(detector)!;
    // The context with its report observed: inherited, not spread (a script run's context keeps its methods on its class).
    detector.detect = (node, context) => detect.call(detector, node, Object.assign(Object.create(context) as typeof context, {
      report(draft: { ruleId: RuleId }) {
        reported.set(detector, (reported.get(detector) ?? new Set<RuleId>()).add(draft.ruleId));
        context.report(draft);
      },
    }));
  }
});

after(() => {
  for (const detector of detectors) detector.detect = originals.get(detector)!;
});

function files(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? files(path) : LANGUAGES[extname(entry)] ? [path] : [];
  });
}

test('every script and Python detector reports only the rules it declares', () => {
  const settings = normalizeSettings({});
  for (const path of [...files(join(FIXTURES, 'rules')), ...files(join(FIXTURES, 'markdown'))]) {
    analyze({ text: readFileSync(path, 'utf8'), languageId: LANGUAGES[extname(path)], settings, fileName: path });
  }
  // Every detector but Python's assignment tracker (it only binds names) reports something on the fixtures.
  assert.deepEqual(detectors.filter((detector) => !reported.has(detector)).map((detector) => detector.name), ['assignments']);
  for (const detector of detectors) {
    const undeclared = [...reported.get(detector) ?? []].filter((rule) => !detector.rules.includes(rule));
    assert.deepEqual(undeclared, [], `${detector.name} reports rules it does not declare`);
  }
});
