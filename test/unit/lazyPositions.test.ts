// After a statement-level reparse the nodes under the later statements move only when something looks into them
// (shiftNodes.ts): re-analysis, resolution, a fix check and what it reads, TypeScript's incremental parse. Oracle
// test: statements are pasted one after the other, removed, and typed one character at a time at several places of a Bedrock-heavy file, so that lags pile
// up over many edits; at checkpoints the editor's findings, fix-all and each finding's fixes (which reuse what the
// refinement of the lazily moved tree computed) must equal those of a fresh document, and the editor's tree, once
// settled, must equal a fresh parse.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ts from 'typescript';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/engine/analyze';
import { fixAll, fixesForFinding, forgetFixResults, refineFixability } from '../../server/src/engine/fixes';
import { IncrementalScriptAnalysis } from '../../server/src/engine/script/incremental/incrementalScript';
import { parseScript } from '../../server/src/engine/script/parse';
import type { Finding } from '../../server/src/engine/types';
import { snapshotWorkCounters, workSince } from '../../server/src/engine/workCounters';
import { DocumentAnalyzer } from '../../server/src/lsp/documentAnalyzer';
import { fromRaw } from '../../server/src/lsp/documentSettings';
import { generateMigratableFile } from '../helpers/migratableFile';

const FILE_NAME = '/w/src/service.ts';
const RELATIVE = 'src/service.ts';

/** Statements typed (one character at a time) and where: plain code, Bedrock functions, the top level. */
const TYPING: Array<{ typed: string; at: (text: string) => number }> = [
  // Near the top: everything after it lags; then reads of the checks in later statements change.
  { typed: '\nexport const LIMIT = 3;', at: (text) => text.indexOf('\n', text.indexOf('const client')) },
  { typed: '\n  client.send(command);', at: (text) => bodyOf(text, 'export function validTicket', 1 / 5) },
  { typed: '\n  void [ConverseCommand, InvokeModelCommand, BedrockRuntimeClient];', at: (text) => bodyOf(text, 'export function validTicket', 1 / 6) },
  { typed: '\n  const total = ticket.tags.length * 2;', at: (text) => bodyOf(text, 'export function validTicket', 1 / 3) },
  { typed: '\n  const twice = question.length * 2;', at: (text) => bodyOf(text, 'export async function chat', 1 / 2) },
  { typed: '\nexport const LIMIT = 3;', at: (text) => text.indexOf('\n', text.indexOf('\n}\n', (2 * text.length) / 3) + 1) },
  { typed: '\n  void [ConverseCommand, BedrockRuntimeClient];', at: (text) => bodyOf(text, 'export async function chat', 1 / 4) },
  { typed: 'xy', at: (text) => text.indexOf('ticket.title', (3 * text.length) / 4) + 1 },
];

/** Just inside the body of the first function declared as `head` after `share` of the text. */
function bodyOf(text: string, head: string, share: number): number {
  return text.indexOf('{', text.indexOf(head, text.length * share)) + 1;
}

function fixesOf(text: string, findings: readonly Finding[]) {
  const input = { text, languageId: 'typescript' as const, settings: fromRaw({}).engine, fileName: FILE_NAME, workspaceRelativePath: RELATIVE };
  return {
    all: fixAll(input, findings),
    each: findings.filter((finding) => finding.fixable).map((finding) => fixesForFinding(input, finding)),
  };
}

/** Every node's kind and positions, in walk order. */
function shape(file: ts.SourceFile): string[] {
  const items: string[] = [];
  const visit = (node: ts.Node) => {
    items.push(`${node.kind} ${node.pos}-${node.end}`);
    ts.forEachChild(node, visit, (list) => {
      items.push(`list ${list.pos}-${list.end}`);
      list.forEach(visit);
    });
  };
  visit(file);
  return items;
}

describe('lazily moved positions', () => {
  test('findings, fix-all and fixes after a run of lazily moved edits equal those of a fresh document', () => {
    const original = generateMigratableFile(1000);
    const analyzer = new DocumentAnalyzer({ fileNameOf: () => FILE_NAME, workspaceRelativePathOf: () => RELATIVE, refineFindings: refineFixability });
    const settings = fromRaw({});
    let version = 1;
    const before = snapshotWorkCounters();
    let text = original;
    let checkpoints = 0;
    const checkpoint = (current: string, what: string) => {
      const actual = analyzer.analyze(TextDocument.create('file:///w/src/service.ts', 'typescript', version++, current), settings)!.result.findings;
      if (!what) return;
      const actualFixes = fixesOf(current, actual); // may reuse what the refinement of the lazy tree computed
      forgetFixResults();
      const input = { text: current, languageId: 'typescript' as const, settings: settings.engine, fileName: FILE_NAME, workspaceRelativePath: RELATIVE };
      const expected = refineFixability(input, analyze(input).findings);
      assert.deepStrictEqual(actual, expected, `findings after ${what}`);
      const expectedFixes = fixesOf(current, expected);
      forgetFixResults();
      assert.deepStrictEqual(actualFixes, expectedFixes, `fixes after ${what}`);
      checkpoints++;
    };
    // Pasted whole one after the other (a statement reparse each: the lags add up), then removed in reverse order.
    const pasted: string[] = [];
    for (const { typed, at } of TYPING) {
      const place = at(text);
      assert.ok(place > 0);
      text = text.slice(0, place) + typed + text.slice(place);
      pasted.push(text);
      checkpoint(text, `pasting ${JSON.stringify(typed)}`);
    }
    for (const [i, version] of [...pasted.slice(0, -1).reverse(), original].entries()) checkpoint(version, `removing paste ${pasted.length - i}`);
    // Typed one character at a time (half-typed versions go through TypeScript's incremental parse, which settles all).
    text = original;
    for (const { typed, at } of TYPING) {
      const place = at(text);
      for (let i = 1; i <= typed.length; i++) {
        const current = text.slice(0, place) + typed.slice(0, i) + text.slice(place);
        checkpoint(current, i === typed.length || i % 9 === 0 ? `typing ${JSON.stringify(typed.slice(0, i))}` : '');
      }
      text = text.slice(0, place) + typed + text.slice(place);
    }
    const work = workSince(before);
    // The lazy path must be exercised: most statements after each edit were moved without their nodes.
    assert.ok(work.statementReparses > 50 && work.statementsMoved > 20 * work.statementReparses, JSON.stringify(work));
    assert.ok(checkpoints >= TYPING.length, `${checkpoints} checkpoints`);
  });

  test('the settled tree of a document typed into lazily equals a fresh parse', () => {
    let text = generateMigratableFile(600);
    const analysis = new IncrementalScriptAnalysis();
    const settings = fromRaw({}).engine;
    for (const { typed, at } of TYPING) {
      const place = at(text);
      for (let i = 1; i <= typed.length; i++) {
        analysis.analyze({ text: text.slice(0, place) + typed.slice(0, i) + text.slice(place), languageId: 'typescript', settings, fileName: FILE_NAME });
      }
      text = text.slice(0, place) + typed + text.slice(place);
    }
    const lazy = analysis.lazyTree!.tree;
    const fresh = parseScript(text, 'typescript', FILE_NAME);
    assert.deepStrictEqual(lazy.statements.map((statement) => [statement.pos, statement.end]), fresh.statements.map((statement) => [statement.pos, statement.end]));
    assert.notDeepStrictEqual(shape(lazy), shape(fresh), 'some nodes still lag behind their statements');
    assert.deepStrictEqual(shape(analysis.currentTree!), shape(fresh));
  });
});
