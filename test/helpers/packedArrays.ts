// Child process of test/unit/packedArrays.test.ts (run with --allow-natives-syntax): arrays the typing path maps and
// later reads, made once by the function run interpreted and once by it optimised, compared by V8 hidden class
// (%HaveSameMap). Array.prototype.map inlined by the optimising compiler makes a holey array, the builtin a packed
// one: code reading both threw its optimised code away ("deopt-eager, wrong map"; issue #13).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/engine/analyze';
import { WordCounts } from '../../server/src/engine/fixes/wordCounts';
import { fromRaw } from '../../server/src/lsp/documentSettings';
import { DocumentEdits } from '../../server/src/lsp/documentEdits';
import { toDiagnostics } from '../../server/src/lsp/toDiagnostic';
import { generateMigratableFile } from './migratableFile';

// Natives syntax is not TypeScript: compiled at run time, where --allow-natives-syntax accepts it.
const haveSameMap = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;
const prepare = new Function('f', '%PrepareFunctionForOptimization(f)') as (f: Function) => void;
const optimizeOnNextCall = new Function('f', '%OptimizeFunctionOnNextCall(f)') as (f: Function) => void;
const isOptimized = new Function('f', 'return (%GetOptimizationStatus(f) & 16) !== 0') as (f: Function) => boolean; // V8's kOptimized bit

interface Comparison {
  array: string;
  sameMap: boolean;
  optimized: boolean;
}

/** The array `run` returns interpreted, and optimised (`optimize` is the function compiled, `run` calls it). */
function compare(array: string, optimize: Function, run: () => object): Comparison {
  const interpreted = run();
  prepare(optimize);
  for (let i = 0; i < 10; i++) run(); // every path's feedback, so that the optimised code runs to the end
  optimizeOnNextCall(optimize);
  const optimised = run();
  return { array, sameMap: haveSameMap(interpreted, optimised), optimized: isOptimized(optimize) };
}

function main(): void {
  const text = generateMigratableFile(120);
  const document: TextDocument = new DocumentEdits().create('file:///workspace/src/service.ts', 'typescript', 1, text);
  const result = analyze({ fileName: '/workspace/src/service.ts', languageId: 'typescript', text, settings: fromRaw({}).engine });
  const counts = new WordCounts();
  let versions = 0;
  const words = ['messages', 'content', 'text'];
  const comparisons = [
    compare('diagnostics', toDiagnostics, () => toDiagnostics(result, document)),
    // A new text each time, of no known change from the last: counted from scratch.
    compare('word counts', WordCounts.prototype.count, () => counts.count({ text: `${text}${++versions}` }, words) as object),
  ];
  process.stdout.write(JSON.stringify(comparisons));
}

main();
