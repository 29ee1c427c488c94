// Which of V8's compiles, deopts and scavenges fell inside the measured keystrokes of the typing bench, and which slow
// keystrokes (> 3× their place's p50) coincide with one. Reads the log the bench writes with
//   BENCH_TRACE_LOG=file BENCH_SERVER_FLAGS="--trace-opt --trace-deopt" (typingLatency.ts, serverTrace.ts)
// and prints, per measured place: each function TurboFan compiled there (first compile of the run, or a recompile after
// which deopt; OSR), the deopts, and the slow keystrokes with what ran in them. A line is given to the keystroke during
// or after which it arrived (the server prints it unbuffered from its main thread; the bench reads it before the next).
//   node --import tsx bench/compileAttribution.ts file [v8.log]
// With the log of a server also started with --log-code --logfile=v8.log --no-logfile-per-isolate, each function is
// also named by its place in server/out/server.js (anonymous ones and closures otherwise have only their address).
import { readFileSync } from 'node:fs';
import type { TraceLog, TraceLine } from './serverTrace';
import { percentile } from './stats';

interface Event {
  at: number;
  kind: 'compile' | 'completed' | 'deopt' | 'dependent' | 'scavenge' | 'mark-compact';
  fn: string;
  detail: string;
}

const FUNCTION = /<JSFunction ?(.*?) \(sfi = (0x[0-9a-f]+)\)>/;
const SHARED = /(0x[0-9a-f]+) <SharedFunctionInfo ?([^>]*)>/;

/** A function's name and its SharedFunctionInfo's address: closures of one function share it, two functions of one name do not. */
function functionOf(text: string): string {
  const match = FUNCTION.exec(text);
  if (match) return `${match[1] || '(anonymous)'} ${match[2]}`;
  const shared = SHARED.exec(text);
  return shared ? `${shared[2] || '(anonymous)'} ${shared[1]}` : '?';
}

function eventOf({ at, text }: TraceLine): Event | undefined {
  if (text.startsWith('[compiling method')) {
    return { at, kind: 'compile', fn: functionOf(text), detail: text.includes(') OSR') ? 'OSR' : '' };
  }
  if (text.startsWith('[completed compiling')) {
    return { at, kind: 'completed', fn: functionOf(text), detail: /took ([\d.]+, [\d.]+, [\d.]+) ms/.exec(text)?.[1] ?? '' };
  }
  if (text.startsWith('[bailout') && text.includes('): begin')) {
    const reason = /kind: ([\w-]+), reason: ([^)]*(?:\))?)\)?: begin/.exec(text);
    const deoptimized = /deoptimizing (0x[0-9a-f]+ <JSFunction[^>]*>)/.exec(text);
    return { at, kind: 'deopt', fn: functionOf(deoptimized?.[1] ?? text), detail: reason ? `${reason[1]}: ${reason[2]}` : text.slice(0, 80) };
  }
  if (text.startsWith('[marking dependent code')) {
    return { at, kind: 'dependent', fn: functionOf(text), detail: /reason: (.*)\]$/.exec(text)?.[1] ?? '' };
  }
  const collection = /: (Scavenge|Mark-Compact)\b[^,]*, ([\d.]+) \//.exec(text);
  if (collection) return { at, kind: collection[1] === 'Scavenge' ? 'scavenge' : 'mark-compact', fn: '', detail: `${collection[2]} ms` };
  return undefined;
}

/**
 * Where each function is, by its SharedFunctionInfo's address, from V8's --log-code lines
 * (`code-creation,JS,kind,time,code,size,name file:line:column,sfi,state`; --trace-opt prints the tagged address, one more).
 */
function placesFrom(v8Log: string | undefined): Map<string, string> {
  const places = new Map<string, string>();
  if (!v8Log) return places;
  for (const line of readFileSync(v8Log, 'utf8').split('\n')) {
    if (!line.startsWith('code-creation,JS,')) continue;
    const fields = line.split(',');
    const sfi = fields[fields.length - 2];
    const place = /(\S+:\d+:\d+)$/.exec(fields.slice(6, -2).join(','))?.[1];
    if (sfi?.startsWith('0x') && place) places.set(`0x${(parseInt(sfi, 16) + 1).toString(16)}`, place.replace(/^.*\/server\/out\//, ''));
  }
  return places;
}

export function attribute(log: TraceLog, v8Log?: string): void {
  const places = placesFrom(v8Log);
  const named = (fn: string) => {
    const place = places.get(fn.split(' ')[1] ?? '');
    return place ? `${fn} (${place})` : fn;
  };
  const events = log.lines.flatMap((line) => eventOf(line) ?? []);
  const firstMeasured = Math.min(...log.places.map((place) => place.keystrokes[0]?.startedAt ?? Infinity));
  console.log(`Before the first measured keystroke: ${events.filter((event) => event.at < firstMeasured && event.kind === 'compile').length} compiles, ${events.filter((event) => event.at < firstMeasured && event.kind === 'deopt').length} deopts.`);
  for (const [index, { lines, place, keystrokes }] of log.places.entries()) {
    const from = keystrokes[0].startedAt;
    const next = log.places[index + 1]?.keystrokes[0]?.startedAt;
    const last = keystrokes[keystrokes.length - 1];
    const to = last.startedAt + last.ms + 50;
    const inPlace = events.filter((event) => event.at >= from && event.at < Math.min(to, next ?? Infinity));
    const compiles = inPlace.filter((event) => event.kind === 'compile');
    console.log(`\n#### ${lines} lines, ${place}: ${compiles.length} compiles (${compiles.filter((event) => event.detail === 'OSR').length} OSR), ${inPlace.filter((event) => event.kind === 'deopt').length} deopts, ${inPlace.filter((event) => event.kind === 'dependent').length} dependency invalidations, ${inPlace.filter((event) => event.kind === 'scavenge').length} scavenges`);
    const causes = new Map<string, number>();
    for (const compile of compiles) {
      const before = events.filter((event) => event.at < compile.at && event.fn === compile.fn);
      const lastDeopt = [...before].reverse().find((event) => event.kind === 'deopt' || event.kind === 'dependent');
      const lastCompile = [...before].reverse().find((event) => event.kind === 'compile');
      const fullSince = lastCompile && events.some((event) => event.kind === 'mark-compact' && event.at > lastCompile.at && event.at < compile.at);
      const deoptSince = lastCompile && lastDeopt && lastDeopt.at > lastCompile.at;
      const why = !lastCompile ? 'first compile'
        : deoptSince ? `recompile after ${lastDeopt.kind === 'deopt' ? 'deopt' : 'invalidation'} (${lastDeopt.detail})${lastDeopt.at >= from ? ' in this place' : ''}`
        : lastCompile.detail === 'OSR' ? 'compile after an OSR compile'
        : fullSince ? 'recompile of a new closure after a full collection (no deopt: the old closures and their optimised code collected)'
        : 'recompile, no deopt nor full collection since';
      const keystroke = keystrokes.findIndex((k, i) => compile.at >= k.startedAt && compile.at < (keystrokes[i + 1]?.startedAt ?? Infinity));
      const took = inPlace.find((event) => event.kind === 'completed' && event.fn === compile.fn && event.at >= compile.at)?.detail ?? '?';
      console.log(`- keystroke ${keystroke}: ${named(compile.fn)}${compile.detail ? ` ${compile.detail}` : ''}: ${why}; took ${took} ms`);
      const cause = why.replace(/ \(.*$/, '');
      causes.set(cause, (causes.get(cause) ?? 0) + 1);
    }
    console.log(`  compiles by cause: ${[...causes].map(([cause, count]) => `${count} ${cause}`).join(', ') || 'none'}`);
    for (const deopt of inPlace.filter((event) => event.kind === 'deopt' || event.kind === 'dependent')) console.log(`- ${deopt.kind} ${deopt.fn}: ${deopt.detail}`);
    const p50 = percentile(keystrokes.map((keystroke) => keystroke.ms), 50);
    const slow = keystrokes.flatMap((keystroke, i) => (keystroke.ms > 3 * p50 ? [i] : []));
    const tally = { compile: 0, scavenge: 0, both: 0, neither: 0 };
    for (const i of slow) {
      const k = keystrokes[i];
      const within = inPlace.filter((event) => event.at >= k.startedAt && event.at < (keystrokes[i + 1]?.startedAt ?? to));
      const compiled = within.some((event) => event.kind === 'compile' || event.kind === 'completed' || event.kind === 'deopt');
      const scavenged = within.some((event) => event.kind === 'scavenge' || event.kind === 'mark-compact');
      tally[compiled && scavenged ? 'both' : compiled ? 'compile' : scavenged ? 'scavenge' : 'neither']++;
      const what = within.filter((event) => event.kind !== 'completed').map((event) => `${event.kind} ${event.fn}${event.detail ? ` ${event.detail}` : ''}`.trim());
      console.log(`  slow keystroke ${i}: ${k.ms.toFixed(2)} ms (server CPU ${k.server?.mainCpuMs.toFixed(2)}, others ${k.server?.othersCpuMs.toFixed(2)}, server queued ${k.server?.mainQueuedMs.toFixed(2)}, bench queued ${k.bench?.mainQueuedMs.toFixed(2)}): ${what.join('; ') || 'nothing traced'}`);
    }
    console.log(`  p50 ${p50.toFixed(2)} ms; ${slow.length} keystrokes > 3× p50: ${tally.compile} with a compile or deopt, ${tally.scavenge} with a collection, ${tally.both} with both, ${tally.neither} with neither`);
  }
}

if (require.main === module) attribute(JSON.parse(readFileSync(process.argv[2], 'utf8')) as TraceLog, process.argv[3]);
