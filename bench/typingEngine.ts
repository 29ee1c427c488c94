// The engine's share of a keystroke, in-process (issue #13): the typing bench's keystrokes (typingLatency.ts) given
// to the analyzer the language server uses, as the server gives them (ranged changes through DocumentEdits, the
// refinement on), without the transport. Baseline: a full TypeScript parse of the same text, timed right after each
// keystroke. BENCH_ENGINE_PROFILE=file.cpuprofile profiles only the measured rounds (not the warm-up or the first
// analysis); BENCH_ENGINE_ROUNDS sets how often the typing is repeated (default 20); BENCH_ENGINE_PLACE='plain code'
// types at that place only; BENCH_ENGINE_PAUSE_MS=1 sleeps that long before each keystroke (untimed), as the language
// server sleeps between two keystrokes' messages: back to back the engine runs with hot caches, which a server woken
// by a keystroke does not have (2026-12-07: ~1.7-2x the back-to-back figure at 111 lines after a 1 ms sleep). The
// baseline parse then sleeps as long first: timed right after the engine, it found the caches the engine had just
// warmed on the same text (after a 5 ms sleep it was 1.2-1.3x its back-to-back p50 so, 1.4-1.7x when it too came
// after a sleep). With the server's Node flags: `node --heap-growing-percent=20 --no-allocation-site-pretenuring
// --import tsx -e ...` (they made no difference to the slowdown after a sleep, 2026-12-07).
//   node --import tsx -e "require('./bench/typingEngine.ts').benchTypingEngine([100, 300])"
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import ts from 'typescript';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { refineFixability } from '../server/src/engine/fixes';
import { type WorkCounts, snapshotWorkCounters, workSince } from '../server/src/engine/workCounters';
import { DocumentAnalyzer } from '../server/src/lsp/documentAnalyzer';
import { DocumentEdits } from '../server/src/lsp/documentEdits';
import { fromRaw } from '../server/src/lsp/documentSettings';
import { generateMigratableFile } from '../test/helpers/migratableFile';
import { percentile } from './stats';
import { PLACES, TYPED } from './typingLatency';

interface Keystroke {
  range: { start: number; end: number };
  text: string;
}

/** TYPED typed one character at a time at `at`, then deleted one at a time (as typingLatency.ts does it). */
export function keystrokesAt(at: number): Keystroke[] {
  const keystrokes: Keystroke[] = [];
  for (let i = 0; i < TYPED.length; i++) keystrokes.push({ range: { start: at + i, end: at + i }, text: TYPED[i] });
  for (let i = TYPED.length; i > 0; i--) keystrokes.push({ range: { start: at + i - 1, end: at + i }, text: '' });
  return keystrokes;
}

export class EditorSession {
  private readonly edits = new DocumentEdits();
  private readonly analyzer = new DocumentAnalyzer({
    fileNameOf: () => '/bench/src/service.ts', workspaceRelativePathOf: () => 'src/service.ts', refineFindings: refineFixability,
    changeTo: (uri, text) => this.edits.changeTo(uri, text),
  });
  private readonly settings = fromRaw({});
  private document: TextDocument;

  constructor(text: string) {
    this.document = this.edits.create('file:///bench/src/service.ts', 'typescript', 1, text);
    this.analyze();
  }

  analyze() {
    return this.analyzer.analyze(this.document, this.settings)!.result.findings;
  }

  /** Applies a keystroke; returns the engine's microseconds for it and the new text. `before` runs first, untimed. */
  type(keystroke: Keystroke, before?: (text: string) => void): { micros: number; text: string } {
    const { start, end } = keystroke.range;
    const range = { start: this.document.positionAt(start), end: this.document.positionAt(end) };
    this.document = this.edits.update(this.document, [{ range, text: keystroke.text }], this.document.version + 1);
    before?.(this.document.getText());
    const started = performance.now();
    this.analyze();
    return { micros: (performance.now() - started) * 1000, text: this.document.getText() };
  }
}

export function fullParseMicros(text: string): number {
  const started = performance.now();
  ts.createSourceFile('service.ts', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  return (performance.now() - started) * 1000;
}

interface PlaceResult { micros: number[]; work: WorkCounts }

/** Sleeps between keystrokes, ms (BENCH_ENGINE_PAUSE_MS; default 0: back to back). */
const PAUSE_MS = Number(process.env.BENCH_ENGINE_PAUSE_MS ?? 0);
const pauseCell = new Int32Array(new SharedArrayBuffer(4));

function typeRounds(session: EditorSession, keystrokes: Keystroke[], rounds: number, parses: number[]): PlaceResult {
  const micros: number[] = [];
  const before = snapshotWorkCounters();
  for (let round = 0; round < rounds; round++) {
    for (const keystroke of keystrokes) {
      if (PAUSE_MS > 0) Atomics.wait(pauseCell, 0, 0, PAUSE_MS); // the thread sleeps, as the server does between messages
      const typed = session.type(keystroke);
      micros.push(typed.micros);
      if (PAUSE_MS > 0) Atomics.wait(pauseCell, 0, 0, PAUSE_MS); // the baseline as cold as the engine: not in its caches
      parses.push(fullParseMicros(typed.text));
    }
  }
  return { micros, work: workSince(before) };
}

/** `session.post` as a promise. */
export function inspectorPost(session: Session): (method: string, params?: object) => Promise<unknown> {
  return (method, params) => new Promise<unknown>((resolve, reject) => {
    session.post(method, params, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

async function profiled<T>(file: string | undefined, run: () => T): Promise<T> {
  if (!file) return run();
  const session = new Session();
  session.connect();
  const post = inspectorPost(session);
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 100 });
  await post('Profiler.start');
  const result = run();
  const { profile } = await post('Profiler.stop') as { profile: object };
  writeFileSync(file, JSON.stringify(profile));
  session.disconnect();
  return result;
}

const NONZERO = (work: WorkCounts) => Object.fromEntries(Object.entries(work).filter(([, count]) => count !== 0));

export async function benchTypingEngine(sizes = [100, 300]): Promise<void> {
  const rounds = Number(process.env.BENCH_ENGINE_ROUNDS ?? 20);
  const profileFile = process.env.BENCH_ENGINE_PROFILE;
  const pause = PAUSE_MS > 0 ? `; a ${PAUSE_MS} ms sleep before each keystroke and before each baseline parse` : '';
  console.log(`\n## Typing: the engine in-process per keystroke (µs p50 / p99; ${rounds} rounds of ${2 * TYPED.length} keystrokes per place${pause}; ratio to a full parse)`);
  console.log('| lines | full parse p50 | place | engine p50 / p99 | ratio p50 | work per keystroke |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const lines of sizes) {
    const text = generateMigratableFile(lines);
    const places = process.env.BENCH_ENGINE_PLACE ? PLACES.filter((place) => place.name === process.env.BENCH_ENGINE_PLACE) : PLACES;
    const sessions = places.map((place) => ({ place, session: new EditorSession(text), keystrokes: keystrokesAt(place.offset(text)) }));
    // Warm-up: the engine's code compiled and optimised, as after the first minute of editing.
    for (const { session, keystrokes } of sessions) typeRounds(session, keystrokes, 3, []);
    const parses: number[] = [];
    const results = await profiled(profileFile && sizes.length > 1 ? profileFile.replace(/(\.cpuprofile)?$/, `-${lines}$1`) : profileFile,
      () => sessions.map(({ session, keystrokes }) => typeRounds(session, keystrokes, rounds, parses)));
    const parse = percentile(parses, 50);
    sessions.forEach(({ place }, i) => {
      const { micros, work } = results[i];
      const perKeystroke = Object.fromEntries(Object.entries(NONZERO(work)).map(([key, count]) => [key, +(count / micros.length).toFixed(2)]));
      console.log(`| ${text.split('\n').length} | ${parse.toFixed(0)} | ${place.name} | ${percentile(micros, 50).toFixed(0)} / ${percentile(micros, 99).toFixed(0)} | ${(percentile(micros, 50) / parse).toFixed(2)}× | ${JSON.stringify(perKeystroke)} |`);
    });
  }
}
