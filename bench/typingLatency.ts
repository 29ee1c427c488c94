// Edit → diagnostics over a real LSP connection across file sizes (issue #13): keystrokes sent as VS Code sends them
// (incremental didChange of the typed or deleted character, then a diagnostic pull), on Bedrock-heavy files the
// fixes can migrate, so every diagnostic's `fixable` is the refined one. Baseline: a full TypeScript parse of the
// same text, timed right after each keystroke (same run, same load).
import ts from 'typescript';
import { LspTestClient } from '../test/helpers/lspClient';
import { generateMigratableFile } from '../test/helpers/migratableFile';
import { benchServerExecArgv, benchTransport, describeServerFlags } from './serverFlags';
import { percentile } from './stats';

const SIZES = [100, 300, 1_000, 3_000, 10_000];
/** Typed one character at a time, then deleted one at a time (half-typed code does not parse, as in real typing). */
export const TYPED = '\n  const total = ticket.tags.length * 2;';

export interface Place {
  name: string;
  /** Where the keystrokes go, in the generated text. */
  offset(text: string): number;
}

export const PLACES: Place[] = [
  { name: 'plain code', offset: (text) => text.indexOf('{', text.indexOf('export function validTicket', text.length / 2)) + 1 },
  // Inside a function that calls Bedrock: the refinement must run again (what the user types could change it).
  { name: 'a Bedrock function', offset: (text) => text.indexOf('{', nearMiddle(text, 'export async function chat')) + 1 },
];

/** The first `word` in the second half of the text, else the last one before (small files have one Bedrock function, near the top). */
function nearMiddle(text: string, word: string): number {
  const after = text.indexOf(word, text.length / 2);
  return after >= 0 ? after : text.lastIndexOf(word, text.length / 2);
}

export interface TypingBenchOptions {
  /** Line counts to measure (default: 100 → 10,000). */
  sizes?: number[];
}

/**
 * BENCH_PROFILE=dir writes a CPU profile of the server to dir; BENCH_TYPING_SIZES=100,300 measures only those sizes;
 * the server is reached over Node's IPC channel, as the extension starts it (client.ts: TransportKind.ipc);
 * BENCH_TRANSPORT=stdio measures the stdio transport other editors use.
 */
export async function benchTypingAcrossSizes(options: TypingBenchOptions = {}): Promise<void> {
  const sizes = options.sizes ?? sizesFromEnvironment() ?? SIZES;
  console.log('\n## Typing: edit → diagnostics over LSP across file sizes (p50 / p99 ms; ratio to a full parse of the same file)');
  console.log(`Each keystroke types or deletes one character of \`${TYPED.trim()}\` (${2 * TYPED.length} keystrokes per place).`);
  console.log('The last column is the floor the transport sets: a diagnostic pull of the same, unchanged version (no analysis; the server answers from its cache).');
  const transport = benchTransport();
  console.log(describeServerFlags(transport));
  console.log(`Before measuring, the same typing runs once on another document of ${WARM_UP_LINES} lines (warm-up: the server's code compiled and optimised, as after the first minute of editing; the first keystrokes of a session are not in these figures).`);
  console.log('| lines | findings (fixable) | full parse p50 / p99 | plain code p50 / p99 | ratio p50 | a Bedrock function p50 / p99 | ratio p50 | pull without edit p50 / p99 |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  const client = await LspTestClient.start({ folders: [{ uri: 'file:///bench', name: 'bench' }], execArgv: benchServerExecArgv(), transport });
  try {
    await warmUp(client);
    for (const lines of sizes) {
      const text = generateMigratableFile(lines);
      const uri = `file:///bench/src/service${lines}.ts`;
      await client.open(uri, 'typescript', text);
      const diagnostics = await client.diagnosticItems(uri);
      const fixable = diagnostics.filter((diagnostic) => (diagnostic.data as { fixable?: boolean } | undefined)?.fixable).length;
      const cells = [`${text.split('\n').length}`, `${diagnostics.length} (${fixable})`];
      const parses: number[] = [];
      const byPlace: number[][] = [];
      for (const place of PLACES) byPlace.push(await typeAndDelete(client, uri, text, place.offset(text), parses));
      // Both ratios against the parse p50 printed (all keystrokes' parses), not the parses timed so far.
      const typed = byPlace.flatMap((latencies) => [
        `${percentile(latencies, 50).toFixed(2)} / ${percentile(latencies, 99).toFixed(2)}`, `${(percentile(latencies, 50) / percentile(parses, 50)).toFixed(2)}×`,
      ]);
      const pulls = await pullsWithoutEdit(client, uri, 2 * TYPED.length);
      cells.push(`${percentile(parses, 50).toFixed(2)} / ${percentile(parses, 99).toFixed(2)}`, ...typed, `${percentile(pulls, 50).toFixed(2)} / ${percentile(pulls, 99).toFixed(2)}`);
      console.log(`| ${cells.join(' | ')} |`);
      await client.close(uri);
    }
  } finally {
    await client.stop();
  }
}

function sizesFromEnvironment(): number[] | undefined {
  const listed = process.env.BENCH_TYPING_SIZES;
  return listed ? listed.split(',').map(Number) : undefined;
}

const WARM_UP_LINES = 300;

/** Types and deletes at every place of a document no measurement uses, then closes it. */
async function warmUp(client: LspTestClient): Promise<void> {
  const text = generateMigratableFile(WARM_UP_LINES);
  const uri = 'file:///bench/src/warmUp.ts';
  await client.open(uri, 'typescript', text);
  await client.diagnosticItems(uri);
  for (const place of PLACES) await typeAndDelete(client, uri, text, place.offset(text), []);
  await client.close(uri);
}

/** Round trips of diagnostic pulls for a version already analysed: what the LSP transport costs by itself. */
async function pullsWithoutEdit(client: LspTestClient, uri: string, count: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await client.diagnosticItems(uri);
    latencies.push(performance.now() - started);
  }
  return latencies;
}

/**
 * The round trip of each keystroke; after each, a full parse of the same text is timed into `parses`, so the
 * baseline is measured under the same load as the keystrokes (the box is shared).
 */
async function typeAndDelete(client: LspTestClient, uri: string, text: string, at: number, parses: number[]): Promise<number[]> {
  const start = positionAt(text, at);
  const latencies: number[] = [];
  let current = text;
  const keystroke = async (range: { start: typeof start; end: typeof start }, newText: string, nextText: string) => {
    const started = performance.now();
    await client.changeRange(uri, range, newText);
    await client.diagnosticItems(uri);
    latencies.push(performance.now() - started);
    current = nextText;
    parses.push(fullParse(current));
  };
  // TYPED has one line break, at its start: positions after it are on the next line.
  const positionOf = (typed: number) => (typed === 0 ? start : { line: start.line + 1, character: typed - 1 });
  const withTyped = (count: number) => text.slice(0, at) + TYPED.slice(0, count) + text.slice(at);
  for (let i = 0; i < TYPED.length; i++) await keystroke({ start: positionOf(i), end: positionOf(i) }, TYPED[i], withTyped(i + 1));
  for (let i = TYPED.length; i > 0; i--) await keystroke({ start: positionOf(i - 1), end: positionOf(i) }, '', withTyped(i - 1));
  return latencies;
}

function fullParse(text: string): number {
  const started = performance.now();
  ts.createSourceFile('service.ts', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return performance.now() - started;
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
