// The changed span the server takes from the client's ranged changes (documentEdits.ts): after random edits with a
// fixed seed, the recorded span rebuilds the new text from the old one, is given only for the text it made, and is
// absent after a change it cannot describe as one span.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentEdits } from '../../server/src/lsp/documentEdits';
import { seededRandom } from '../helpers/seededRandom';

const URI = 'file:///w/src/edited.ts';

describe('document edits', () => {
  test('each ranged change is recorded as the span it replaced (500 random edits, CRLF and LF lines)', () => {
    const random = seededRandom(11);
    const edits = new DocumentEdits();
    let document: TextDocument = edits.create(URI, 'typescript', 1, 'const a = 1;\r\nlet b = 2;\nexport {};\n');
    assert.equal(edits.changeTo(URI, document.getText()), undefined, 'a document just opened has no change');
    for (let i = 0; i < 500; i++) {
      const text = document.getText();
      const start = Math.floor(random() * (text.length + 1));
      const end = Math.min(text.length, start + Math.floor(random() * 5));
      const insert = ['', 'x', '\n', '\r\n', 'ab;'][Math.floor(random() * 5)];
      const range = { start: document.positionAt(start), end: document.positionAt(end) };
      document = edits.update(document, [{ range, text: insert }], document.version + 1);
      const next = document.getText();
      const change = edits.changeTo(URI, next);
      assert.ok(change, `edit ${i} recorded`);
      assert.equal(change.from, text);
      const { span, newLength } = change.range;
      assert.equal(text.slice(0, span.start) + next.slice(span.start, span.start + newLength) + text.slice(span.start + span.length), next, `edit ${i}`);
      assert.equal(edits.changeTo(URI, `${next} `), undefined, 'not given for another text');
    }
  });

  test('the change is handed over once: the previous text is not kept after the analysis read it', () => {
    const edits = new DocumentEdits();
    let document = edits.create(URI, 'typescript', 1, 'let a = 1;\n');
    const at = { line: 0, character: 4 };
    document = edits.update(document, [{ range: { start: at, end: at }, text: 'x' }], 2);
    assert.equal(edits.changeTo(URI, document.getText())?.from, 'let a = 1;\n');
    assert.equal(edits.changeTo(URI, document.getText()), undefined, 'asked again: no previous text held for it');
  });

  test('a change of the whole text, or several changes at once, is not recorded', () => {
    const edits = new DocumentEdits();
    let document = edits.create(URI, 'typescript', 1, 'let a = 1;\n');
    document = edits.update(document, [{ text: 'let b = 2;\n' }], 2);
    assert.equal(edits.changeTo(URI, document.getText()), undefined);
    const at = { line: 0, character: 4 };
    document = edits.update(document, [{ range: { start: at, end: at }, text: 'x' }, { range: { start: at, end: at }, text: 'y' }], 3);
    assert.equal(document.getText(), 'let yxb = 2;\n');
    assert.equal(edits.changeTo(URI, document.getText()), undefined);
    edits.forget(URI);
  });
});
