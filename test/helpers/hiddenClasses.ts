// Child process of test/unit/hiddenClasses.test.ts (run with --allow-natives-syntax): the objects the typing path
// reads, made once by the analysis of a document as it is opened and once by the keystrokes of an editor session that
// ends on the same text, compared pairwise by V8 hidden class (%HaveSameMap). Optimised code meeting a hidden class it
// was not made for is thrown away ("deopt-eager, wrong map"): when the open path's objects differed from the typing
// path's, every document opened threw away the typing path's optimised code (issue #13).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { refineFixability } from '../../server/src/engine/fixes';
import type { IncrementalScriptAnalysis } from '../../server/src/engine/script/incremental/incrementalScript';
import type ts from '../../server/src/engine/typescript';
import { DocumentAnalyzer } from '../../server/src/lsp/documentAnalyzer';
import { DocumentEdits } from '../../server/src/lsp/documentEdits';
import { fromRaw } from '../../server/src/lsp/documentSettings';
import { generateMigratableFile } from './migratableFile';

// Natives syntax is not TypeScript: compiled at run time, where --allow-natives-syntax accepts it.
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;
const hasFastProperties = new Function('a', 'return %HasFastProperties(a)') as (a: object) => boolean;

const TYPED = '\n  const total = ticket.tags.length * 2;';

const edits = new DocumentEdits();
const analyzer = new DocumentAnalyzer({
  fileNameOf: () => '/workspace/src/service.ts', workspaceRelativePathOf: () => 'src/service.ts', refineFindings: refineFixability,
  changeTo: (uri, text) => edits.changeTo(uri, text),
});
const settings = fromRaw({});

/** The analyzer's tree of a document (its private per-document analysis: what the typing path reads). */
function treeOf(uri: string): ts.SourceFile {
  const incremental = (analyzer as unknown as { incremental: Map<string, IncrementalScriptAnalysis> }).incremental.get(uri);
  const tree = incremental?.currentTree;
  if (!tree) throw new Error(`no tree for ${uri}`);
  return tree;
}

/** Opens a document and analyses it as the server does at didOpen. */
function open(uri: string, text: string): { document: TextDocument; findings: readonly object[] } {
  const document = edits.create(uri, 'typescript', 1, text);
  return { document, findings: analyzer.analyze(document, settings)!.result.findings };
}

/** Types TYPED one character at a time at `at`, then deletes it one at a time, analysing after each keystroke. */
function typeAndDelete(start: TextDocument, at: number): { document: TextDocument; findings: readonly object[] } {
  let document = start;
  let findings: readonly object[] = [];
  const keystroke = (from: number, to: number, text: string) => {
    const range = { start: document.positionAt(from), end: document.positionAt(to) };
    document = edits.update(document, [{ range, text }], document.version + 1);
    findings = analyzer.analyze(document, settings)!.result.findings;
  };
  for (let i = 0; i < TYPED.length; i++) keystroke(at + i, at + i, TYPED[i]);
  for (let i = TYPED.length; i > 0; i--) keystroke(at + i - 1, at + i, '');
  return { document, findings };
}

interface Comparison {
  kind: string;
  compared: number;
  differing: string[];
}

function compare(kind: string, opened: readonly object[], typed: readonly object[], label: (index: number) => string): Comparison {
  if (opened.length !== typed.length) throw new Error(`${kind}: ${opened.length} opened, ${typed.length} typed`);
  const differing = opened.flatMap((object, i) => (haveSameMap(object, typed[i]) ? [] : [label(i)]));
  return { kind, compared: opened.length, differing };
}

function main(): void {
  const text = generateMigratableFile(120);
  const opened = open('file:///workspace/src/opened.ts', text);
  // Another document of the same text, typed in: in plain code, then in a function that calls Bedrock.
  let session = open('file:///workspace/src/typed.ts', text);
  for (const at of [text.indexOf('{', text.indexOf('export function validTicket')) + 1, text.indexOf('{', text.indexOf('export async function chat')) + 1]) {
    session = typeAndDelete(session.document, at);
  }
  if (session.document.getText() !== text) throw new Error('the session did not end on the opened text');
  const openedTree = treeOf('file:///workspace/src/opened.ts');
  const typedTree = treeOf('file:///workspace/src/typed.ts');
  const statementLabel = (i: number) => `statement ${i} (kind ${openedTree.statements[i].kind})`;
  const comparisons = [
    compare('source file', [openedTree], [typedTree], () => 'the tree'),
    compare('top-level statements', openedTree.statements, typedTree.statements, statementLabel),
    compare('findings', opened.findings, session.findings, (i) => `finding ${i}`),
  ];
  process.stdout.write(JSON.stringify({
    comparisons,
    dictionaryMode: [['opened tree', openedTree], ['typed tree', typedTree]].filter(([, tree]) => !hasFastProperties(tree as object)).map(([name]) => name),
  }));
}

main();
