import type ts from '../typescript';

/**
 * Every identifier of a whole file, in document order, as the analysis walk (scanNodes) met them: lookups of
 * references in the same tree (the fix assessment's) go through this list instead of walking the tree again.
 * Trees are never changed after parsing, so the list stays exact for as long as the tree lives.
 */
const recorded = new WeakMap<ts.SourceFile, readonly ts.Identifier[]>();

export function recordFileIdentifiers(sourceFile: ts.SourceFile, identifiers: readonly ts.Identifier[]): void {
  recorded.set(sourceFile, identifiers);
}

/** The file's identifiers (parent pointers set), or undefined when no analysis walk has recorded them. */
export function fileIdentifiers(sourceFile: ts.SourceFile): readonly ts.Identifier[] | undefined {
  return recorded.get(sourceFile);
}
