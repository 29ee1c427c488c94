import type ts from './typescript';
import type { PackageContext } from './project/packageContext';
import type { AnalyzeInput, OffsetRange } from './types';

/** A replacement of `range` (offsets into the analysed text) by `newText`. Fixes are lists of minimal edits. */
export interface TextEdit {
  range: OffsetRange;
  newText: string;
}

/** A file the fix creates (e.g. the shared Converse adapter), relative to the workspace folder. */
export interface CreatedFile {
  path: string;
  content: string;
  /** Skip creation when a file already exists at `path` (it was written by an earlier fix). */
  ifMissing: boolean;
}

export interface FixProposal {
  title: string;
  /** Edits to the analysed document; non-overlapping, sorted by start. */
  edits: TextEdit[];
  createFiles?: CreatedFile[];
  /** The preferred fix for its finding (VS Code applies it with Ctrl+. Enter / auto-fix). */
  isPreferred?: boolean;
  kind: 'quickfix' | 'migration-note';
}

/**
 * What a fix needs besides the analysis input. `workspaceRelativePath` (e.g. `src/app.ts`, `/` separators)
 * locates the document in its workspace folder so the import of the shared adapter module is correct; without
 * it, rewrites that need the adapter are not offered.
 */
export interface FixInput extends AnalyzeInput {
  workspaceRelativePath?: string;
  /** The document's package (module system, source root); without it, a CommonJS package at the workspace root. */
  packageContext?: PackageContext;
  /**
   * The tree of `text` (parent pointers set) when the caller keeps one, e.g. the editor's incremental tree: the
   * fixability checks then spare their own parses. Used only during the call: such a tree changes with the document.
   */
  sourceFile?: ts.SourceFile;
}
