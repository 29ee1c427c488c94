// The migration plan's package.json edits on random package layouts (engine/project/migrationPlan.ts with
// dependencyNeeds.ts): package.json files at random places, each listing a random set of packages, and scripts that
// migrate, cannot migrate, or only import. Once the plan's edits are applied, every package a script imports is still
// found where Node looks for it (if it was before), no edited package.json keeps a Bedrock package that nothing it
// provides it to imports, and nothing is edited when no code migrates.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../server/src/engine/analyze';
import { applyEdits, refineFixability } from '../../server/src/engine/fixes';
import { enclosingRoots, listedPackages } from '../../server/src/engine/project/dependencyProviders';
import { type PlanPackageJson, type PlanScript, planMigration } from '../../server/src/engine/project/migrationPlan';
import { normalizeSettings } from '../../server/src/engine/settings';
import type { Finding } from '../../server/src/engine/types';
import { FUZZ_SEED } from './corpus';

const BEDROCK = '@aws-sdk/client-bedrock-runtime';
const SAGEMAKER = '@aws-sdk/client-sagemaker-runtime';
const settings = normalizeSettings({ endpoints: { '*': { endpointName: 'llm', container: 'lmi' } } });

const MIGRATES = [
  `import { BedrockRuntimeClient } from '${BEDROCK}';`,
  "export const client = new BedrockRuntimeClient({ region: 'us-east-1' });",
  '',
].join('\n');
const GUARD = [
  `import { BedrockRuntimeClient, ApplyGuardrailCommand } from '${BEDROCK}';`,
  "export const check = () => new BedrockRuntimeClient({}).send(new ApplyGuardrailCommand({ guardrailIdentifier: 'g', guardrailVersion: '1', source: 'INPUT', content: [] }));",
  '',
].join('\n');

function findingsOf(text: string): Finding[] {
  const input = { text, languageId: 'typescript' as const, settings, fileName: 'src/x.ts', workspaceRelativePath: 'src/x.ts' };
  return refineFixability(input, analyze(input).findings);
}
const MIGRATES_FINDINGS = findingsOf(MIGRATES);
const GUARD_FINDINGS = findingsOf(GUARD);

/** What a script does: migrates to SageMaker Runtime, calls what cannot migrate, imports Bedrock with no finding (suppressed), or imports something else. */
type ScriptKind = 'migrates' | 'guard' | 'quietBedrock' | 'plain';
const IMPORTS_AFTER: Readonly<Record<ScriptKind, readonly string[]>> = {
  migrates: [SAGEMAKER], guard: [BEDROCK], quietBedrock: [BEDROCK], plain: ['zod'],
};
const IMPORTS_BEFORE: Readonly<Record<ScriptKind, readonly string[]>> = {
  migrates: [BEDROCK], guard: [BEDROCK], quietBedrock: [BEDROCK], plain: ['zod'],
};

const FOLDERS = ['', 'packages', 'packages/a', 'packages/b', 'packages/a/sub'] as const;

interface Layout {
  /** Per folder: undefined when it has no package.json, else the packages it lists. */
  packageJsons: ReadonlyArray<readonly string[] | undefined>;
  /** Per folder: its scripts' kinds. */
  scripts: ReadonlyArray<readonly ScriptKind[]>;
}

const layoutArbitrary: fc.Arbitrary<Layout> = fc.record({
  packageJsons: fc.tuple(...FOLDERS.map(() => fc.option(fc.subarray([BEDROCK, SAGEMAKER, 'zod']), { nil: undefined }))),
  scripts: fc.tuple(...FOLDERS.map(() => fc.array(fc.constantFrom<ScriptKind>('migrates', 'guard', 'quietBedrock', 'plain'), { maxLength: 2 }))),
});

function packageJsonText(listed: readonly string[]): string {
  return `${JSON.stringify({ name: 'p', dependencies: Object.fromEntries(listed.map((name) => [name, '^3.700.0'])) }, null, 2)}\n`;
}

function checkLayout(layout: Layout): void {
  const hasPackageJson = (folder: string) => layout.packageJsons[FOLDERS.indexOf(folder as (typeof FOLDERS)[number])] !== undefined;
  const nearestRoot = (folder: string) => enclosingRoots(folder).find(hasPackageJson) ?? '';
  const texts = new Map(FOLDERS.flatMap((folder, index) => (layout.packageJsons[index] ? [[folder, packageJsonText(layout.packageJsons[index]!)] as const] : [])));
  const scripts: Array<PlanScript & { folder: string; kind: ScriptKind }> = FOLDERS.flatMap((folder, index) => layout.scripts[index].map((kind, n) => {
    const path = `${folder === '' ? '' : `${folder}/`}src/s${n}.ts`;
    const packageRoot = nearestRoot(folder);
    if (kind === 'migrates') return { folder, kind, path, packageRoot, text: MIGRATES, findings: MIGRATES_FINDINGS };
    if (kind === 'guard') return { folder, kind, path, packageRoot, text: GUARD, findings: GUARD_FINDINGS };
    return { folder, kind, path, packageRoot, text: '', imports: [...IMPORTS_BEFORE[kind]], findings: [] };
  }));
  // Only a package.json with findings is planned, as in scan --fix and Migrate Workspace.
  const packageJsons: PlanPackageJson[] = [...texts].flatMap(([root, text]) => {
    const path = root === '' ? 'package.json' : `${root}/package.json`;
    const findings = analyze({ text, languageId: 'json', settings, fileName: path }).findings;
    return findings.length > 0 ? [{ path, packageRoot: root, text, findings }] : [];
  });
  const plan = planMigration(scripts, packageJsons);
  const after = new Map([...texts].map(([root, text]) => {
    const planned = plan.packageJsons.get(root === '' ? 'package.json' : `${root}/package.json`);
    return [root, planned ? applyEdits(text, planned.edits) : text] as const;
  }));
  const listedIn = (texts: ReadonlyMap<string, string>, root: string) => listedPackages(texts.get(root) ?? '');
  const providerIn = (texts: ReadonlyMap<string, string>, script: { packageRoot: string }, name: string) =>
    enclosingRoots(script.packageRoot).find((root) => texts.has(root) && listedIn(texts, root).has(name));
  const described = () => JSON.stringify({ layout, after: Object.fromEntries([...after].map(([root, text]) => [root, [...listedPackages(text)]])) });

  if (!scripts.some((script) => script.kind === 'migrates')) {
    for (const [root, text] of texts) assert.equal(after.get(root), text, `edited without code that migrates: ${described()}`);
    return;
  }
  for (const script of scripts) {
    for (const name of IMPORTS_AFTER[script.kind]) {
      // What was installed for the script stays installed; the SageMaker client comes where the Bedrock one was.
      const wasInstalled = providerIn(texts, script, script.kind === 'migrates' ? BEDROCK : name) !== undefined;
      if (!wasInstalled) continue;
      assert.ok(providerIn(after, script, name) !== undefined, `${script.path} (${script.kind}) imports ${name}, which no package.json above it lists: ${described()}`);
    }
  }
  for (const [root, text] of after) {
    if (text === texts.get(root) || !listedPackages(text).has(BEDROCK)) continue;
    const users = scripts.filter((script) => IMPORTS_AFTER[script.kind].includes(BEDROCK) && providerIn(after, script, BEDROCK) === root);
    assert.ok(users.length > 0, `${root || '.'}/package.json was edited and still lists ${BEDROCK}, which nothing it provides imports: ${described()}`);
  }
}

describe('migration plan on random package layouts', () => {
  test('imports stay installed, edited package.json files keep no unused Bedrock package, nothing changes without migrated code', () => {
    fc.assert(fc.property(layoutArbitrary, checkLayout), { seed: FUZZ_SEED, numRuns: 500, endOnFailure: true });
  });
});
