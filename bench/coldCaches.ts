// Why a keystroke after a pause costs more than back to back (issue #13): the engine's analyze() and a full parse
// of the same text at 111 lines, each timed first after what came before the keystroke, interleaved in one run:
// - back to back: nothing;
// - sleep: the thread sleeps PAUSE ms (as the server does between messages);
// - spin: the thread stays on its core PAUSE ms, touching nothing; split by whether it lost the core meanwhile
//   (a gap in its clock readings, i.e. another thread or the hypervisor ran there);
// - thrash: PAUSE ms writing over 32 MB (as another process would evict the caches).
// 2026-12-07, 5 ms: the engine and the parse were as slow after a sleep as after a spin that lost its core or a
// thrash (~1.7-2.5x back to back), but ~1.1-1.3x after a spin that kept its core; the same GC count either way. At
// 0.2 ms: sleep 1.55x (engine) / 1.2x (parse), thrash 1.4x / 1.1x, a spin that kept its core 1.3x / 1.15x: even
// time on the core alone cools it a little (on this VM another tenant may share the core's caches).
//   node --heap-growing-percent=20 --no-allocation-site-pretenuring --import tsx -e "require('./bench/coldCaches.ts').benchColdCaches()"
import { generateMigratableFile } from '../test/helpers/migratableFile';
import { percentile } from './stats';
import { EditorSession, fullParseMicros, keystrokesAt } from './typingEngine';
import { PLACES } from './typingLatency';

const PAUSE_MS = Number(process.env.BENCH_COLD_PAUSE_MS ?? 5);
/** A clock gap above this, µs, means the spinning thread lost its core. */
const LOST_CORE_MICROS = 30;
const sleepCell = new Int32Array(new SharedArrayBuffer(4));
const evicted = new Uint8Array(32 << 20);

/** Spins PAUSE_MS; returns whether the thread lost its core meanwhile. */
function spin(): boolean {
  let previous = performance.now();
  const end = previous + PAUSE_MS;
  let gap = 0;
  while (previous < end) {
    const now = performance.now();
    gap = Math.max(gap, now - previous);
    previous = now;
  }
  return gap * 1000 > LOST_CORE_MICROS;
}

function thrash(): void {
  const end = performance.now() + PAUSE_MS;
  let at = 0;
  while (performance.now() < end) {
    for (let i = 0; i < 4096; i++) {
      evicted[at]++;
      at = (at + 64) % evicted.length; // one write per cache line
    }
  }
}

/** What precedes a keystroke; returns the row its times go to. */
const BEFORE: Record<string, () => string> = {
  'back to back': () => 'back to back',
  sleep: () => (Atomics.wait(sleepCell, 0, 0, PAUSE_MS), 'sleep'),
  spin: () => (spin() ? 'spin, lost the core' : 'spin, kept the core'),
  thrash: () => (thrash(), 'thrash'),
};

export function benchColdCaches(lines = 100): void {
  const rounds = Number(process.env.BENCH_ENGINE_ROUNDS ?? 8);
  const text = generateMigratableFile(lines);
  const place = PLACES.find((candidate) => candidate.name === (process.env.BENCH_ENGINE_PLACE ?? 'plain code'))!;
  const session = new EditorSession(text);
  const keystrokes = keystrokesAt(place.offset(text));
  for (let round = 0; round < 3; round++) for (const keystroke of keystrokes) fullParseMicros(session.type(keystroke).text);
  const rows = new Map<string, { engine: number[]; parse: number[] }>();
  const befores = Object.values(BEFORE);
  let n = 0;
  for (let round = 0; round < rounds; round++) {
    for (const keystroke of keystrokes) {
      const before = befores[n % befores.length];
      // Alternately the engine or the parse is timed first after `before`; the other follows untimed.
      const parseFirst = Math.floor(n / befores.length) % 2 === 1;
      n++;
      let label = '';
      let parseMicros = 0;
      const typed = session.type(keystroke, (typedText) => {
        label = before();
        if (parseFirst) parseMicros = fullParseMicros(typedText);
      });
      if (parseFirst) row(rows, label).parse.push(parseMicros);
      else {
        row(rows, label).engine.push(typed.micros);
        fullParseMicros(typed.text);
      }
    }
  }
  console.log(`\n## Cold caches: µs p50 at ${text.split('\n').length} lines (${place.name}), each timed first after a ${PAUSE_MS} ms pause of each kind`);
  console.log('| before the keystroke | engine p50 (n) | full parse p50 (n) | engine / parse |');
  console.log('| --- | --- | --- | --- |');
  for (const [label, { engine, parse }] of rows) {
    const ratio = engine.length && parse.length ? `${(percentile(engine, 50) / percentile(parse, 50)).toFixed(2)}×` : '';
    console.log(`| ${label} | ${p50(engine)} (${engine.length}) | ${p50(parse)} (${parse.length}) | ${ratio} |`);
  }
}

function row(rows: Map<string, { engine: number[]; parse: number[] }>, label: string) {
  let found = rows.get(label);
  if (!found) rows.set(label, (found = { engine: [], parse: [] }));
  return found;
}

const p50 = (values: number[]) => (values.length ? percentile(values, 50).toFixed(0) : '-');
