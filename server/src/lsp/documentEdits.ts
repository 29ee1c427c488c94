import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import { type Range, TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { TextChangeSince } from '../engine/types';

/**
 * The open documents' versions as `TextDocuments` makes them, noting for each document the span its last change
 * replaced as the client sent it (VS Code sends the range it changed): the analysis then need not compare the old
 * and new text to find it (issue #13: that comparison grew with the file on every keystroke).
 */
export class DocumentEdits implements TextDocumentsConfiguration<TextDocument> {
  private readonly last = new Map<string, TextChangeSince & { to: string }>();

  create(uri: string, languageId: string, version: number, content: string): TextDocument {
    this.last.delete(uri);
    return TextDocument.create(uri, languageId, version, content);
  }

  update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    const from = document.getText();
    const change = changes.length === 1 ? changes[0] : undefined;
    const range = change && 'range' in change ? (change as { range: Range }).range : undefined;
    const start = range && document.offsetAt(range.start);
    const end = range && document.offsetAt(range.end);
    const next = TextDocument.update(document, changes, version);
    if (change && start !== undefined && end !== undefined) {
      this.last.set(document.uri, { from, to: next.getText(), range: { span: { start, length: end - start }, newLength: change.text.length } });
    } else {
      this.last.delete(document.uri); // several changes, or the whole text: the analysis compares the texts itself
    }
    return next;
  }

  /**
   * How `text` was made from the version before, when it is the document's latest text and came from one ranged
   * change. Handed over once (the analysis reads it as it starts on that text): kept, it would hold the previous
   * text until the next keystroke, and at 10,000 lines every young collection moved two whole texts, not one, to the
   * old generation, which then filled twice as fast (issue #13: the full collections while typing).
   */
  changeTo(uri: string, text: string): TextChangeSince | undefined {
    const last = this.last.get(uri);
    if (!last || last.to !== text) return undefined;
    this.last.delete(uri);
    return last;
  }

  /** Forgets a document (on close). */
  forget(uri: string): void {
    this.last.delete(uri);
  }
}
