import ts from 'typescript';
import type { ScriptLanguage } from '../types';
import { parseScript } from './parse';

/**
 * Keeps the last parse of each open document and re-parses edits incrementally (`ts.updateSourceFile`), the
 * way tsserver does: typing in a 3,000-line file then costs a fraction of a full parse. The previous tree is
 * consumed by the update, so callers must not keep SourceFiles from this cache beyond one analysis.
 */
export class ScriptParseCache {
  private readonly entries = new Map<string, { sourceFile: ts.SourceFile; languageId: ScriptLanguage }>();

  constructor(private readonly maxEntries = 32) {}

  parse(key: string, text: string, languageId: ScriptLanguage, fileName?: string): ts.SourceFile {
    const previous = this.entries.get(key);
    let sourceFile: ts.SourceFile;
    if (previous && previous.languageId === languageId && previous.sourceFile.text !== text) {
      sourceFile = ts.updateSourceFile(previous.sourceFile, text, changeRange(previous.sourceFile.text, text));
    } else if (previous && previous.languageId === languageId) {
      sourceFile = previous.sourceFile;
    } else {
      sourceFile = parseScript(text, languageId, fileName);
    }
    this.entries.delete(key); // re-insert: the map's order is the LRU order
    this.entries.set(key, { sourceFile, languageId });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return sourceFile;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }
}

/** The smallest span that differs between two texts (common prefix and suffix removed). */
export function changeRange(oldText: string, newText: string): ts.TextChangeRange {
  const limit = Math.min(oldText.length, newText.length);
  let prefix = 0;
  while (prefix < limit && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
  return { span: { start: prefix, length: oldText.length - prefix - suffix }, newLength: newText.length - prefix - suffix };
}
