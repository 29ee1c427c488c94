// Edit → diagnostics over a real LSP connection across file sizes (issue #13): keystrokes sent as VS Code sends them
// (incremental didChange of the typed or deleted character, then a diagnostic pull), on Bedrock-heavy files the
// fixes can migrate, so every diagnostic's `fixable` is the refined one. Baseline: a full TypeScript parse of the
// same text, timed after every 5th keystroke (same run, same load), first thing after the same pause as the keystroke
// that typed it (and back to back, as before). Two more tables say where the p99 comes from.
//
// What a keystroke's time is: from sending the didChange to having the pulled diagnostics' JSON parsed in the bench,
// i.e. the server's analysis and answer, the IPC hops and the client's parse of the answer (all of which an editor
// waits for too), and the server's own garbage collections (the editor's too). What it is not: the bench's own work
// between keystrokes (reading /proc, building the next text) and the bench's own garbage collections, which it runs
// between keystrokes (benchCollections.ts: its young generation emptied after each keystroke, its whole heap after the
// baseline parses, which are timed after a place's keystrokes: at 10,000 lines each leaves megabytes of garbage, whose
// collection landed inside later keystrokes). The anatomy table counts the bench collections that still land inside one.
import ts from 'typescript';
import { LspTestClient } from '../test/helpers/lspClient';
import { generateMigratableFile } from '../test/helpers/migratableFile';
import { benchServerExecArgv, benchTransport, describeServerFlags } from './serverFlags';
import { GcTrace } from './gcTrace';
import { ServerTrace } from './serverTrace';
import { anatomyRows, KeystrokeObserver, type Keystroke, p50p99, type PlaceRun, printAnatomy } from './keystrokeAnatomy';
import { BoxCensus, type BoxTasks } from './boxTasks';
import { BenchCollections, collectWholeHeap, collectYoungGeneration } from './benchCollections';
import { residentMemory } from './residentMemory';
import { cutProfiles, profileClockUs, type ProfileSpan } from './profileSpans';
import { percentile } from './stats';

const SIZES = [100, 300, 1_000, 3_000, 10_000];
/**
 * Typed one character at a time, line after line, then deleted one character at a time (half-typed code does not
 * parse, as in real typing). Five lines of the same kind, so that a place gets ~400 keystrokes: a nearest-rank p99 of
 * 80 (one line typed and deleted, until 2026-12-07) was the slowest keystroke; of 400 it is the 4th-slowest.
 */
const TYPED_LINES = [
  '\n  const total = ticket.tags.length * 2;',
  '\n  const title = ticket.title.length + 1;',
  '\n  const ratio = total / ticket.id + 3;',
  '\n  const score = ratio * total - title;',
  '\n  const small = score < ticket.id * 4;',
];
export const TYPED = TYPED_LINES.join('');
const KEYSTROKES = 2 * TYPED.length;
/**
 * Pause between keystrokes, ms (BENCH_TYPING_PAUSE_MS; default 0: back to back, a typist faster than any). A person
 * leaves 50–200 ms, in which V8 runs the young collection it schedules as a task when the young generation is 80 % full.
 */
const PAUSE_MS = Number(process.env.BENCH_TYPING_PAUSE_MS ?? 0);
/** A full parse is timed of the text after every PARSE_EVERY-th keystroke (at 10,000 lines one takes ~50 ms: of every text, the bench would double). */
const PARSE_EVERY = 5;

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

/**
 * The places measured: BENCH_TYPING_PLACE='plain code' (or 'a Bedrock function') measures only that one, e.g. to
 * profile one place's keystrokes. The warm-up types at every place either way, so the server is warmed the same.
 */
function measuredPlaces(): Place[] {
  const only = process.env.BENCH_TYPING_PLACE;
  if (!only) return PLACES;
  const places = PLACES.filter((place) => place.name === only);
  if (places.length === 0) throw new Error(`BENCH_TYPING_PLACE: no place named '${only}' (${PLACES.map((place) => place.name).join(', ')})`);
  return places;
}

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
 * BENCH_PROFILE=dir writes a CPU profile of the server to dir, and beside it one cut to each place's keystrokes
 * (profileSpans.ts: the whole profile is mostly start-up and warm-up); BENCH_TYPING_SIZES=100,300 measures only those sizes;
 * BENCH_TYPING_PLACE='plain code' only that place (measuredPlaces);
 * the server is reached over Node's IPC channel, as the extension starts it (client.ts: TransportKind.ipc);
 * BENCH_TRANSPORT=stdio measures the stdio transport other editors use (without counting collections: over stdio
 * the server's stdout carries the protocol, so it cannot print --trace-gc).
 */
export async function benchTypingAcrossSizes(options: TypingBenchOptions = {}): Promise<void> {
  const sizes = options.sizes ?? sizesFromEnvironment() ?? SIZES;
  const places = measuredPlaces();
  const transport = benchTransport();
  const gc = transport === 'ipc' ? new GcTrace() : undefined;
  console.log('\n## Typing: edit → diagnostics over LSP across file sizes (p50 / p99 ms; ratio to a full parse of the same file)');
  console.log(`At each place ${TYPED_LINES.length} lines like \`${TYPED_LINES[0].trim()}\` are typed one character at a time, then deleted one at a time: ${KEYSTROKES} keystrokes per place, so each p99 is the nearest-rank p99 of ${KEYSTROKES} samples (the ${KEYSTROKES - Math.ceil(0.99 * KEYSTROKES) + 1}th-slowest).`);
  console.log(`The full parse is timed of the text after every ${PARSE_EVERY}th keystroke, after the keystrokes of the place (${Math.ceil(KEYSTROKES / PARSE_EVERY) * places.length} samples per size): each first after sleeping as long as the server slept before that keystroke (a whole-file parser woken by the keystroke, the ratio's baseline since 2026-12-07; a process woken from sleep finds its caches cooled: bench/coldCaches.ts), and right after that again (in parentheses, "back to back": the parser hot in the caches; until 2026-12-07 the only baseline). "Pull without edit" is the floor the transport sets: ${KEYSTROKES} diagnostic pulls of the same version (no analysis; the server answers "unchanged"), each sent as a keystroke is, to a server gone back to sleep (until 2026-12-07 back to back, to a server often still awake: 0.05 ms p50 at 111 lines, ~0.17 ms since); the anatomy has a row for them.`);
  console.log('Pulls send the last result id, as VS Code does: a keystroke that changes no diagnostic is answered "unchanged" (the last column counts those keystrokes).');
  console.log(`${describeServerFlags(transport)}${gc ? ' Plus --trace-gc, to count collections (one line printed per collection).' : ''}`);
  if (PAUSE_MS > 0) console.log(`Keystrokes ${PAUSE_MS} ms apart (BENCH_TYPING_PAUSE_MS; by default back to back).`);
  console.log(`Before measuring, the same typing runs on ${WARM_UP_DOCUMENTS.length} other documents (${WARM_UP_DOCUMENTS.join(', ')} lines; ${WARM_UP_DOCUMENTS.length * PLACES.length * KEYSTROKES} keystrokes, a few minutes of a person's typing): the server's code compiled and optimised. What those first keystrokes took is printed after this line.`);
  const execArgv = [...benchServerExecArgv(), ...(gc ? ['--trace-gc'] : [])];
  const trace = gc && ServerTrace.fromEnvironment();
  const client = await LspTestClient.start({
    folders: [{ uri: 'file:///bench', name: 'bench' }], execArgv, transport, onStdout: gc && ((chunk) => { gc.add(chunk); trace?.add(chunk); }),
  });
  const tailRows: Array<ReturnType<typeof anatomyRows>> = [];
  let box: BoxTasks | undefined;
  const profileSpans: ProfileSpan[] = [];
  const benchCollections = new BenchCollections();
  /** The run of one place (or of the pulls without edit) with the server's collections meanwhile; adds its anatomy rows. */
  const anatomyOf = async (lineCount: number, name: string, keystrokes: Keystroke[]): Promise<PlaceRun> => {
    const run = { keystrokes, collections: gc?.take() ?? { scavengeMs: [], markCompactMs: [] } };
    await new Promise(setImmediate); // the bench's last collections' records are delivered
    tailRows.push(anatomyRows(lineCount, name, run, gc !== undefined, benchCollections));
    trace?.place(lineCount, name, keystrokes);
    benchCollections.forgetBefore(performance.now());
    return run;
  };
  try {
    const census = new BoxCensus([process.pid, ...(client.pid === undefined ? [] : [client.pid])]);
    await warmUp(client, gc);
    box = census.busySince();
    const placeColumns = places.flatMap((place) => [`${place.name} p50 / p99`, 'ratio p50 (to back to back)']);
    const columns = ['lines', 'findings (fixable)', 'full parse p50 / p99 after the keystroke\'s pause (back to back)', ...placeColumns, 'pull without edit p50 / p99', '"unchanged"'];
    console.log(`| ${columns.join(' | ')} |`);
    console.log(`|${' --- |'.repeat(columns.length)}`);
    for (const lines of sizes) {
      const text = generateMigratableFile(lines);
      const uri = `file:///bench/src/service${lines}.ts`;
      await client.open(uri, 'typescript', text);
      const diagnostics = await client.diagnosticItems(uri);
      const fixable = diagnostics.filter((diagnostic) => (diagnostic.data as { fixable?: boolean } | undefined)?.fixable).length;
      const lineCount = text.split('\n').length;
      const cells = [`${lineCount}`, `${diagnostics.length} (${fixable})`];
      const parses: Baseline = { backToBack: [], afterPause: [] };
      const byPlace: PlaceRun[] = [];
      gc?.take();
      const unchangedBefore = client.unchangedReports;
      for (const place of places) {
        const [startUs, startMs] = [profileClockUs(), performance.now()];
        const keystrokes = await typeAndDelete(client, uri, text, place.offset(text), parses, gc, box);
        // Up to the last keystroke's end: the baseline parses after it are the bench's, the server sleeps meanwhile.
        const lastEnd = keystrokes[keystrokes.length - 1];
        profileSpans.push({ name: `${lineCount}-${place.name}`, startUs, endUs: startUs + Math.round((lastEnd.startedAt + lastEnd.ms - startMs) * 1000) });
        byPlace.push(await anatomyOf(lineCount, place.name, keystrokes));
      }
      // Both ratios against the parse p50s printed (all keystrokes' parses), not the parses timed so far.
      const typed = byPlace.flatMap(({ keystrokes }) => {
        const latencies = keystrokes.map((keystroke) => keystroke.ms);
        const ratio = (parsed: number[]) => `${(percentile(latencies, 50) / percentile(parsed, 50)).toFixed(2)}×`;
        return [`${p50p99(latencies)}`, `${ratio(parses.afterPause)} (${ratio(parses.backToBack)})`];
      });
      const unchanged = `${client.unchangedReports - unchangedBefore} of ${places.length * KEYSTROKES}`;
      const pulls = await pullsWithoutEdit(client, uri, KEYSTROKES, gc, box);
      await anatomyOf(lineCount, 'pull without edit', pulls);
      cells.push(`${p50p99(parses.afterPause)} (${p50p99(parses.backToBack)})`, ...typed, p50p99(pulls.map((pull) => pull.ms)), unchanged);
      console.log(`| ${cells.join(' | ')} |`);
      await client.close(uri);
    }
    const memory = client.pid === undefined ? undefined : residentMemory(client.pid);
    if (memory) console.log(`Server resident memory after the typing: ${memory.rssMb.toFixed(0)} MB (peak ${memory.peakMb.toFixed(0)} MB).`);
  } finally {
    benchCollections.stop();
    await client.stop();
    trace?.write();
  }
  const profileDir = process.env.BENCH_PROFILE;
  if (profileDir && client.pid !== undefined) {
    for (const path of cutProfiles(profileDir, client.pid, profileSpans)) console.log(`Server CPU profile of one place's keystrokes: ${path}`);
  }
  printAnatomy(tailRows, box);
  box?.close();
}

function sizesFromEnvironment(): number[] | undefined {
  const listed = process.env.BENCH_TYPING_SIZES;
  return listed ? listed.split(',').map(Number) : undefined;
}

/**
 * The documents typed in before measuring (lines each). Three, of other sizes than most measured ones: V8 optimises a
 * function run once per keystroke only after ~1,000 keystrokes, and its optimised code meets the shapes of a new
 * document's objects only when it is opened (the first measured document after one warm-up document still saw ~70
 * first compiles per place; issue #13).
 */
const WARM_UP_DOCUMENTS = [300, 100, 1_000];

/**
 * Types and deletes at every place of documents no measurement uses, closing each; prints what those keystrokes took
 * (a fresh server's first keystrokes: its code is still being compiled and optimised meanwhile).
 */
async function warmUp(client: LspTestClient, gc: GcTrace | undefined): Promise<void> {
  const rows: string[] = [];
  for (const [index, lines] of WARM_UP_DOCUMENTS.entries()) {
    const text = generateMigratableFile(lines);
    const uri = `file:///bench/src/warmUp${index}.ts`;
    await client.open(uri, 'typescript', text);
    await client.diagnosticItems(uri);
    const latencies: number[] = [];
    for (const place of PLACES) latencies.push(...(await typeAndDelete(client, uri, text, place.offset(text), { afterPause: [], backToBack: [] })).map((keystroke) => keystroke.ms));
    rows.push(`${text.split('\n').length} lines ${p50p99(latencies)}`);
    await client.close(uri);
  }
  gc?.take();
  console.log(`Warm-up, a fresh server's first ${WARM_UP_DOCUMENTS.length * PLACES.length * KEYSTROKES} keystrokes (not in the tables), p50 / p99 ms per document in turn: ${rows.join('; ')}.`);
}

/**
 * Round trips of diagnostic pulls for a version already analysed: what the LSP transport costs by itself. Observed as
 * keystrokes are, so the anatomy shows the server's CPU per request without analysis (the floor a keystroke's pull
 * stands on, besides its didChange).
 */
async function pullsWithoutEdit(client: LspTestClient, uri: string, count: number, gc?: GcTrace, box?: BoxTasks): Promise<Keystroke[]> {
  const observer = new KeystrokeObserver(client.pid, gc, box);
  const pulls: Keystroke[] = [];
  for (let i = 0; i < count; i++) {
    pulls.push(await observer.measure(async () => {
      await client.diagnosticItems(uri);
    }));
    collectYoungGeneration();
  }
  return pulls;
}

/**
 * The round trip of each keystroke; then full parses of every PARSE_EVERY-th text typed, timed into `parses` (the
 * baseline, measured in the same run under the same load, but after the keystrokes: a parse between two keystrokes
 * left megabytes of garbage, and a full collection after each slowed the parses themselves ~3×, V8 shrinking its
 * young generation). The bench empties its young generation after each keystroke, and collects its whole heap after
 * the parses, outside every timed span.
 */
async function typeAndDelete(client: LspTestClient, uri: string, text: string, at: number, parses: Baseline, gc?: GcTrace, box?: BoxTasks): Promise<Keystroke[]> {
  const start = positionAt(text, at);
  const keystrokes: Keystroke[] = [];
  const toParse: Array<{ text: string; pauseMs: number }> = [];
  const observer = new KeystrokeObserver(client.pid, gc, box);
  const keystroke = async (range: { start: typeof start; end: typeof start }, newText: string, typed: number) => {
    keystrokes.push(await observer.measure(async () => {
      await client.changeRange(uri, range, newText);
      await client.diagnosticItems(uri);
    }));
    if (keystrokes.length % PARSE_EVERY === 0) toParse.push({ text: withTyped(typed), pauseMs: keystrokes[keystrokes.length - 1].gapMs });
    collectYoungGeneration();
    if (PAUSE_MS > 0) await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  };
  const withTyped = (count: number) => text.slice(0, at) + TYPED.slice(0, count) + text.slice(at);
  const positionOf = (typed: number) => positionAfter(start, TYPED.slice(0, typed));
  for (let i = 0; i < TYPED.length; i++) await keystroke({ start: positionOf(i), end: positionOf(i) }, TYPED[i], i + 1);
  for (let i = TYPED.length; i > 0; i--) await keystroke({ start: positionOf(i - 1), end: positionOf(i) }, '', i - 1);
  // In pairs, so that both see the same state of the bench (whichever loop ran first was up to 2x slower).
  for (const { text: typedText, pauseMs } of toParse) {
    Atomics.wait(pauseCell, 0, 0, pauseMs);
    parses.afterPause.push(fullParse(typedText));
    parses.backToBack.push(fullParse(typedText));
  }
  collectWholeHeap();
  return keystrokes;
}

/** Where the cursor stands after `typed` is inserted at `start`. */
function positionAfter(start: { line: number; character: number }, typed: string): { line: number; character: number } {
  const lastBreak = typed.lastIndexOf('\n');
  if (lastBreak < 0) return { line: start.line, character: start.character + typed.length };
  return { line: start.line + typed.split('\n').length - 1, character: typed.length - lastBreak - 1 };
}

/**
 * The baseline, timed two ways. After a pause: each parse first thing after sleeping as long as the server slept before
 * the keystroke that typed its text, as a server that parsed the whole file on every keystroke would run it. Back to
 * back: the same text parsed again at once, the parser's code and data hot in the caches (until 2026-12-07 the only
 * baseline, then the texts' parses one after another in a loop after the keystrokes: 0.35-0.83 ms at 111 lines,
 * depending on what ran before the loop).
 * A process woken from sleep on this box finds its caches cooled by whatever ran meanwhile: the engine in-process is
 * 1.6–2.5× slower after 1–5 ms of sleep, a full parse 1.4–1.7× (bench/coldCaches.ts), so timing the server's keystrokes
 * cold against a hot parse compared two conditions, not two amounts of work.
 */
interface Baseline {
  afterPause: number[];
  backToBack: number[];
}

const pauseCell = new Int32Array(new SharedArrayBuffer(4));

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
