// Oracle test: the editor's analysis given the changed span as a client sends it (documentEdits.ts), which may be
// wider than the characters that actually changed (a completion replaces a whole word with itself and more), finds
// after every one of a seeded random sequence of edits what a fresh analysis of the same text finds.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { refineFixability } from '../../server/src/engine/fixes';
import type { Finding, TextChangeSince, TextFacts } from '../../server/src/engine/types';
import { snapshotWorkCounters, workSince } from '../../server/src/engine/workCounters';
import { DocumentAnalyzer } from '../../server/src/lsp/documentAnalyzer';
import { DocumentEdits } from '../../server/src/lsp/documentEdits';
import { fromRaw } from '../../server/src/lsp/documentSettings';
import { generateMigratableFile } from '../helpers/migratableFile';
import { seededRandom } from '../helpers/seededRandom';

const PIECES = ['x', ';', '\n', '{', '}', 'const q = 1;', 'await ', '(', '"', '', 'bedrock'];
const settings = fromRaw({});

function analyzerFor(changeTo?: (uri: string, text: string) => TextChangeSince | undefined): DocumentAnalyzer {
  return new DocumentAnalyzer({ fileNameOf: () => '/w/src/typed.ts', workspaceRelativePathOf: () => 'src/typed.ts', refineFindings: refineFixability, changeTo });
}

const shown = (findings: Finding[]) => findings.map((finding) => JSON.stringify([finding.ruleId, finding.range, finding.message, finding.fixable]));

describe('changed spans as the client sends them', () => {
  test('widened spans: every version equals a fresh analysis (200 random edits, seed 5)', () => {
    const random = seededRandom(5);
    let text = generateMigratableFile(150);
    let sent: (TextChangeSince & { to: string }) | undefined;
    const analyzer = analyzerFor((_uri, current) => (sent?.to === current ? sent : undefined));
    let version = 1;
    analyzer.analyze(TextDocument.create('file:///w/src/typed.ts', 'typescript', version++, text), settings);
    let findings = 0;
    for (let i = 0; i < 200; i++) {
      const start = Math.floor(random() * text.length);
      const end = Math.min(text.length, start + Math.floor(random() * 3));
      const insert = PIECES[Math.floor(random() * PIECES.length)];
      const next = text.slice(0, start) + insert + text.slice(end);
      // The span sent also covers up to 40 unchanged characters on each side, written again as they were.
      const before = Math.min(start, Math.floor(random() * 40));
      const after = Math.min(text.length - end, Math.floor(random() * 40));
      sent = { from: text, to: next, range: { span: { start: start - before, length: end - start + before + after }, newLength: insert.length + before + after } };
      const typed = analyzer.analyze(TextDocument.create('file:///w/src/typed.ts', 'typescript', version++, next), settings)!.result.findings;
      const fresh = analyzerFor().analyze(TextDocument.create('file:///w/src/fresh.ts', 'typescript', 1, next), settings)!.result.findings;
      assert.deepStrictEqual(shown(typed), shown(fresh), `after edit ${i}`);
      findings += typed.length;
      text = next;
    }
    assert.ok(findings > 200, 'findings were compared');
  });

  test('once a version is analysed, neither the edits nor the analysis hold the text before it (issue #13)', () => {
    const edits = new DocumentEdits();
    const analyzer = analyzerFor((uri, current) => edits.changeTo(uri, current));
    const uri = 'file:///w/src/typed.ts';
    const before = generateMigratableFile(150);
    let document = edits.create(uri, 'typescript', 1, before);
    analyzer.analyze(document, settings);
    const at = document.positionAt(before.indexOf('\n') + 1);
    document = edits.update(document, [{ range: { start: at, end: at }, text: 'x' }], 2);
    const counted = snapshotWorkCounters();
    analyzer.analyze(document, settings);
    assert.equal(workSince(counted).textsCompared, 0, 'the analysis took the change the client sent');
    assert.equal(edits.changeTo(uri, document.getText()), undefined, 'the edits let the previous text go');
    const presence = (analyzer as unknown as { presences: Map<string, TextFacts> }).presences.get(uri);
    assert.equal(presence?.text, document.getText());
    assert.equal(presence?.change, undefined, 'the presence let the previous text go');
  });
});
