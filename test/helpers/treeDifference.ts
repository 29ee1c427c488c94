// Comparing a tree made incrementally with a fresh parse of the same text (statementReparse.test.ts,
// innerStatementReparse.test.ts): every node's kind, flags and positions, parent pointers and the file's facts.
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import ts from 'typescript';

/** Every node and node list in walk order, checking each child's parent pointer on the way. */
function walk(file: ts.SourceFile): Array<ts.Node | ts.NodeArray<ts.Node>> {
  const items: Array<ts.Node | ts.NodeArray<ts.Node>> = [file];
  const visit = (parent: ts.Node) => {
    ts.forEachChild(parent, (child) => {
      assert.equal(child.parent, parent, `parent of ${ts.SyntaxKind[child.kind]} at ${child.pos}`);
      items.push(child);
      visit(child);
    }, (list) => {
      items.push(list);
      for (const child of list) {
        assert.equal(child.parent, parent, `parent of ${ts.SyntaxKind[child.kind]} at ${child.pos}`);
        items.push(child);
        visit(child);
      }
    });
  };
  visit(file);
  return items;
}

export type Internal = ts.SourceFile & {
  parseDiagnostics: ts.Diagnostic[]; externalModuleIndicator?: ts.Node | true; commentDirectives?: Array<{ range: ts.TextRange; type: number }>;
};

/** The parse diagnostics, module indicator and comment directives (each one once, or as listed), comparable across trees. */
function fileFacts(file: ts.SourceFile, mode: Mode): unknown {
  const { parseDiagnostics, externalModuleIndicator: indicator, commentDirectives } = file as Internal;
  const directives = (commentDirectives ?? []).map((directive) => `${directive.range.pos}-${directive.range.end}:${directive.type}`);
  return {
    diagnostics: parseDiagnostics.map((diagnostic) => [diagnostic.start, diagnostic.length, diagnostic.code, diagnostic.file === file]),
    indicator: indicator === undefined || indicator === true ? indicator : [indicator.kind, indicator.pos, indicator.end],
    directives: mode === 'exact' ? directives : [...new Set(directives)],
    text: file.text,
  };
}

/** The flags a reparse may keep as a superset ("possibly contains"): they only make later passes look. */
const POSSIBLY = (1 << 22) | (1 << 23); // PossiblyContainsDynamicImport | PossiblyContainsImportMeta (internal)
/** Caches TypeScript fills in lazily (whether a subtree has errors), whichever tree asked first. */
const CACHED = (1 << 20) | (1 << 21); // ThisNodeOrAnySubNodesHasError | HasAggregatedChildData (internal)

/**
 * 'exact', or what TypeScript's own incremental parse keeps apart from its quirks: it drops the file's "possibly
 * contains" flags for the nodes it reuses, and can list a comment directive several times (how many depends on
 * which arrays the previous trees shared).
 */
export type Mode = 'exact' | 'typescript';

/**
 * The first difference between two trees, or undefined. Parent pointers are asserted while walking. The file's
 * "possibly contains" flags, and its statement list's transform flags, must be a superset of the expected ones in
 * 'exact' mode.
 */
export function difference(actual: ts.SourceFile, expected: ts.SourceFile, mode: Mode = 'exact'): string | undefined {
  const facts = [fileFacts(actual, mode), fileFacts(expected, mode)];
  if (!isDeepStrictEqual(facts[0], facts[1])) return `file facts: ${JSON.stringify(facts[0]).slice(0, 2000)} vs ${JSON.stringify(facts[1]).slice(0, 2000)}`;
  if ((actual.flags & ~CACHED & ~POSSIBLY) !== (expected.flags & ~CACHED & ~POSSIBLY)) return 'file flags';
  if (mode === 'exact' && (actual.flags & expected.flags & POSSIBLY) !== (expected.flags & POSSIBLY)) return 'file flags: possibly contains';
  // The statement list's transform flags are kept as a superset too (statementReparse.ts: statementList).
  const list = (file: ts.SourceFile) => file.statements as unknown as { transformFlags: number; hasTrailingComma: boolean };
  if (mode === 'exact' && (list(actual).transformFlags & list(expected).transformFlags) !== list(expected).transformFlags) return 'statement list: transform flags';
  if (list(actual).hasTrailingComma !== list(expected).hasTrailingComma) return 'statement list: trailing comma';
  const got = walk(actual);
  const want = walk(expected);
  if (got.length !== want.length) return `node count ${got.length} vs ${want.length}`;
  const describe = (node: ts.Node) => `${ts.SyntaxKind[node.kind] ?? 'list'} ${node.pos}-${node.end} flags ${node.flags & ~CACHED & ~(node.kind === ts.SyntaxKind.SourceFile ? POSSIBLY : 0)}`;
  for (let i = 0; i < want.length; i++) {
    if (describe(got[i] as ts.Node) !== describe(want[i] as ts.Node)) return `item ${i}: ${describe(got[i] as ts.Node)} vs ${describe(want[i] as ts.Node)}`;
  }
  return undefined;
}

/** The first difference between the top-level statements of two trees (kind, flags, own positions) and their file facts. */
export function topLevelDifference(actual: ts.SourceFile, expected: ts.SourceFile): string | undefined {
  const facts = [fileFacts(actual, 'exact'), fileFacts(expected, 'exact')];
  if (!isDeepStrictEqual(facts[0], facts[1])) return 'file facts';
  const describe = (node: ts.Node) => `${ts.SyntaxKind[node.kind]} ${node.pos}-${node.end} flags ${node.flags & ~CACHED}`;
  const got = actual.statements.map(describe);
  const want = expected.statements.map(describe);
  const at = want.findIndex((statement, i) => got[i] !== statement);
  if (got.length !== want.length || at >= 0) return `statement ${at}: ${got[at]} vs ${want[at]} (${got.length} vs ${want.length})`;
  return undefined;
}
