// `scan --fix` analyses the text each rewrite pass made incrementally (only the statements the pass edited are parsed
// and analysed again, fixes/pipeline.ts: analyseText) and the fixed text from the last pass's analysis
// (analyzeFixedText). Both must be exactly what a fresh parse and analysis give, so that fix-all and the findings
// left are byte-identical to what they were with a whole-text analysis per pass: checked on every script fixture,
// pass by pass, and on the generated files of the fix benchmark (multi-line and one-line).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, test } from 'node:test';
import ts from '../../server/src/engine/typescript';
import { analyze, DEFAULT_LIMITS } from '../../server/src/engine/analyze';
import { analyzeFixedText, applyEdits, fixAll, forgetFixResults, resumeFixes } from '../../server/src/engine/fixes';
import { analyzeWithFixability } from '../../server/src/engine/fixes/analyzeWithFixability';
import { FixStarts } from '../../server/src/engine/fixes/fixStarts';
import { analyseText, runTransforms } from '../../server/src/engine/fixes/pipeline';
import { TRANSFORMS } from '../../server/src/engine/fixes/registry';
import { isScriptLanguage } from '../../server/src/engine/languages';
import { languageIdForPath } from '../../server/src/workspace/languages';
import { analyzeScript } from '../../server/src/engine/script/analyzeScript';
import { parseScript } from '../../server/src/engine/script/parse';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import type { ScriptLanguage } from '../../server/src/engine/types';
import { snapshotWorkCounters, workSince } from '../../server/src/engine/workCounters';
import { generateMigratableFile } from '../helpers/migratableFile';

const REPO = join(__dirname, '..', '..');

interface Case {
  name: string;
  text: string;
  languageId: ScriptLanguage;
  fileName: string;
  workspaceRelativePath: string;
}

function scriptsUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.parentPath.split(sep).includes('node_modules'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => {
      const language = languageIdForPath(path);
      return language !== undefined && isScriptLanguage(language);
    });
}

function fixtureCases(): Case[] {
  return ['examples', 'test/fixtures', 'test/projects'].flatMap((root) => scriptsUnder(join(REPO, root))).map((path) => ({
    name: relative(REPO, path), text: readFileSync(path, 'utf8'), languageId: languageIdForPath(path) as ScriptLanguage, fileName: path,
    workspaceRelativePath: relative(REPO, path).split(sep).join('/'),
  }));
}

function generatedCases(): Case[] {
  const text = generateMigratableFile(1_500, 40);
  const place = { languageId: 'typescript' as const, fileName: '/w/src/service.ts', workspaceRelativePath: 'src/service.ts' };
  return [
    { name: 'generated', text, ...place },
    { name: 'generated, one line', text: text.replace(/\n/g, ' '), ...place },
    { name: 'generated, under a comment', text: `// service\n/* @ts-ignore below */\n${text}\n// end\n`, ...place },
    // `@ts-ignore` directives before and inside statements the passes edit and keep.
    { name: 'generated, with directives', text: text.replace(/export const store/g, '// @ts-ignore\nexport const store').replace(/const response/g, '// @ts-expect-error\nconst response'), ...place },
  ];
}

/** Every node's kind and positions in document order; throws when a child's parent pointer is not its parent. */
function shapeOf(tree: ts.SourceFile): string {
  const parts: string[] = [];
  const visit = (node: ts.Node, parent: ts.Node): void => {
    assert.equal(node.parent, parent, `parent of ${ts.SyntaxKind[node.kind]} at ${node.pos}`);
    parts.push(`${node.kind}:${node.pos}-${node.end}`);
    ts.forEachChild(node, (child) => visit(child, node));
  };
  ts.forEachChild(tree, (child) => visit(child, tree));
  const indicator = (tree as { externalModuleIndicator?: ts.Node | true }).externalModuleIndicator;
  const directives = (tree as { commentDirectives?: Array<{ range: ts.TextRange; type: number }> }).commentDirectives ?? [];
  parts.push(`module:${indicator === undefined || indicator === true ? String(indicator) : `${indicator.kind}@${indicator.pos}`}`);
  parts.push(`directives:${directives.map((directive) => `${directive.type}@${directive.range.pos}-${directive.range.end}`).join(',')}`);
  parts.push(`end:${tree.end}/${tree.text.length}`);
  return parts.join(' ');
}

describe('incremental analyses of the rewrite passes', () => {
  const cases = [...fixtureCases(), ...generatedCases()];

  test('after every pass that changed the text: the tree and the findings of a fresh parse and analysis', () => {
    let passesCompared = 0;
    const before = snapshotWorkCounters();
    for (const fixture of cases) {
      const input = { text: fixture.text, languageId: fixture.languageId, settings: DEFAULT_SETTINGS, fileName: fixture.fileName, workspaceRelativePath: fixture.workspaceRelativePath };
      let text = fixture.text;
      let previous: ReturnType<typeof runTransforms>['last'];
      for (const transform of TRANSFORMS) {
        const parsed = analyseText(input, text, previous);
        const fresh = analyze({ ...input, text }, DEFAULT_LIMITS, analyzeScript, { migrationTodos: false }).findings;
        assert.deepEqual(parsed.findings, fresh, `${fixture.name} before ${transform.name}`);
        if (previous && previous.edits.length > 0) {
          assert.equal(shapeOf(parsed.sourceFile), shapeOf(parseScript(text, fixture.languageId, fixture.fileName)), `${fixture.name} before ${transform.name}`);
          passesCompared++;
        }
        let run: ReturnType<typeof runTransforms>;
        try {
          run = runTransforms({ ...input, text }, [transform], undefined, parsed);
        } catch {
          break; // overlapping edits: fix-all offers nothing for this file
        }
        previous = run.last;
        text = run.text;
      }
    }
    assert.ok(passesCompared > 100, `${passesCompared} passes compared`);
    // Most of them by re-parsing only the statements the pass edited (the rest by TypeScript's incremental parse).
    const work = workSince(before);
    assert.ok(work.statementReparses > passesCompared / 2, JSON.stringify({ passesCompared, work }));
  });

  test('fix-all, then the findings left in the fixed text, as a fresh analysis gives them', () => {
    let fixed = 0;
    for (const fixture of cases) {
      const input = { text: fixture.text, languageId: fixture.languageId, settings: DEFAULT_SETTINGS, fileName: fixture.fileName, workspaceRelativePath: fixture.workspaceRelativePath };
      forgetFixResults();
      const proposal = fixAll(input, analyze(input).findings);
      if (!proposal) continue;
      fixed++;
      const fixedText = applyEdits(fixture.text, proposal.edits);
      assert.deepEqual(analyzeFixedText(input, fixedText), analyze({ ...input, text: fixedText }), fixture.name);
    }
    assert.ok(fixed > 50, `${fixed} fixtures fixed`);
  });

  test('a fix started from its scan\'s analysis (scan --fix): the same refinement, fix-all and findings left, without analysing the text again', () => {
    let resumed = 0;
    for (const fixture of cases) {
      const input = { text: fixture.text, languageId: fixture.languageId, settings: DEFAULT_SETTINGS, fileName: fixture.fileName };
      const place = { workspaceRelativePath: fixture.workspaceRelativePath };
      const fixInput = { ...input, ...place };
      forgetFixResults();
      const scanned = analyzeWithFixability(input, () => place).findings;
      const fresh = snapshotWorkCounters();
      const proposal = fixAll(fixInput, scanned);
      const left = proposal && analyzeFixedText(fixInput, applyEdits(fixture.text, proposal.edits));
      const freshWork = workSince(fresh);

      forgetFixResults();
      const starts = new FixStarts();
      assert.deepEqual(analyzeWithFixability(input, () => place, starts).findings, scanned, fixture.name);
      forgetFixResults(); // other files are scanned in between
      const start = starts.take(fixture.fileName);
      if (!start) {
        assert.ok(!scanned.some((finding) => finding.fixable), `${fixture.name}: a file with fixable findings is kept`);
        continue;
      }
      assert.ok(resumeFixes(fixInput, start), fixture.name);
      const before = snapshotWorkCounters();
      const resumedProposal = fixAll(fixInput, scanned);
      assert.deepEqual(resumedProposal, proposal, fixture.name);
      if (resumedProposal) assert.deepEqual(analyzeFixedText(fixInput, applyEdits(fixture.text, resumedProposal.edits)), left, fixture.name);
      // The whole-text analysis of the original text that the fix made (when it rewrote anything) is the one it no
      // longer makes; any other (a pass that changed most of a small text) it still makes.
      const work = workSince(before);
      const spared = freshWork.fixAnalyses > 0 ? 1 : 0;
      assert.equal(work.fixAnalyses, freshWork.fixAnalyses - spared, `${fixture.name}: ${JSON.stringify({ work, freshWork })}`);
      assert.equal(work.freshParses, freshWork.freshParses - spared, `${fixture.name}: ${JSON.stringify({ work, freshWork })}`);
      resumed += spared;
    }
    assert.ok(resumed > 50, `${resumed} fixes started from their scan's analysis`);
  });

  test('the scan keeps analyses for fixes within its budget of text, and hands each on once', () => {
    const text = generateMigratableFile(20);
    const input = (name: string, times = 1) => ({ text: text.repeat(times), languageId: 'typescript' as const, settings: DEFAULT_SETTINGS, fileName: `/w/src/${name}.ts` });
    const scan = (name: string, times = 1) => analyzeWithFixability(input(name, times), () => ({ workspaceRelativePath: `src/${name}.ts` }), starts);
    const starts = new FixStarts(text.length * 2);
    for (const name of ['a', 'b', 'c']) scan(name);
    assert.ok(starts.take('/w/src/a.ts') && starts.take('/w/src/b.ts'), 'the first two fit');
    assert.equal(starts.take('/w/src/c.ts'), undefined, 'the third is over the budget');
    assert.equal(starts.take('/w/src/a.ts'), undefined, 'taken once');
    scan('a');
    scan('b');
    scan('large', 3);
    assert.ok(starts.take('/w/src/large.ts'), 'a text larger than all kept ones together takes their place');
    assert.equal(starts.take('/w/src/a.ts'), undefined, 'dropped for the larger one');
    for (const name of ['a', 'b', 'c']) scan(name);
    assert.ok(['a', 'b', 'c'].every((name) => starts.take(`/w/src/${name}.ts`)), 'the largest text scanned is the budget now: all three fit');
  });

  test('a pass that edits statements all over a large file re-parses only those statements', () => {
    const text = generateMigratableFile(3_000).replace(/\n/g, ' ');
    const input = { text, languageId: 'typescript' as const, settings: DEFAULT_SETTINGS, fileName: '/w/src/large.ts', workspaceRelativePath: 'src/large.ts' };
    forgetFixResults();
    const before = snapshotWorkCounters();
    const proposal = fixAll(input, analyze(input).findings);
    assert.ok(proposal && proposal.edits.length > 50, 'the file is migrated');
    analyzeFixedText(input, applyEdits(text, proposal.edits));
    const work = workSince(before);
    // One whole-text analysis (the original text); every later text incrementally.
    assert.equal(work.fixAnalyses, 1, JSON.stringify(work));
    assert.equal(work.freshParses, 1, JSON.stringify(work));
    assert.ok(work.fixReanalyses >= 3, JSON.stringify(work));
  });
});
