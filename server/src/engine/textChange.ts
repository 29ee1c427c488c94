import type ts from './typescript';

/** Compared a block at a time (one native string comparison) before narrowing down char by char. */
const BLOCK = 256;

/** The one span that differs between two texts (common prefix and suffix kept), as TypeScript wants it. */
export function changeBetween(oldText: string, newText: string): ts.TextChangeRange {
  const limit = Math.min(oldText.length, newText.length);
  let prefix = 0;
  while (prefix + BLOCK <= limit && oldText.substr(prefix, BLOCK) === newText.substr(prefix, BLOCK)) prefix += BLOCK;
  while (prefix < limit && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  const suffixLimit = limit - prefix;
  let suffix = 0;
  while (suffix + BLOCK <= suffixLimit
    && oldText.substr(oldText.length - suffix - BLOCK, BLOCK) === newText.substr(newText.length - suffix - BLOCK, BLOCK)) suffix += BLOCK;
  while (suffix < suffixLimit && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
  return { span: { start: prefix, length: oldText.length - prefix - suffix }, newLength: newText.length - prefix - suffix };
}
