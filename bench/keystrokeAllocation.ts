// Where a keystroke's allocation goes, in-process (issue #13: at 9,747 lines the young generation filled every ~37
// keystrokes and each collection moved the live document text to the old generation). The typing bench's keystrokes
// given to the analyzer as the server gives them (typingEngine.ts), under V8's sampling heap profiler counting the
// objects collected since too (what a young collection sees), summed per allocating function (self) and divided by the
// keystrokes. BENCH_ALLOC_ROUNDS (default 4); BENCH_ENGINE_PLACE='plain code' or 'a Bedrock function' (default plain).
//   node --import tsx -e "require('./bench/keystrokeAllocation.ts').benchKeystrokeAllocation([100, 3000, 10000])"
import { Session } from 'node:inspector';
import { generateMigratableFile } from '../test/helpers/migratableFile';
import { EditorSession, inspectorPost, keystrokesAt } from './typingEngine';
import { PLACES } from './typingLatency';

interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

/** Bytes allocated per function (its own allocations, not its callees'), over the whole profile. */
function selfBytes(head: ProfileNode): Map<string, number> {
  const bytes = new Map<string, number>();
  const pending = [head];
  for (let node = pending.pop(); node; node = pending.pop()) {
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}:${lineNumber + 1}`;
    bytes.set(key, (bytes.get(key) ?? 0) + node.selfSize);
    pending.push(...node.children);
  }
  return bytes;
}

export async function benchKeystrokeAllocation(sizes = [100, 3000, 10000], top = 12): Promise<void> {
  const rounds = Number(process.env.BENCH_ALLOC_ROUNDS ?? 4);
  const place = PLACES.find((candidate) => candidate.name === (process.env.BENCH_ENGINE_PLACE ?? 'plain code'));
  if (!place) throw new Error(`BENCH_ENGINE_PLACE: no place named '${process.env.BENCH_ENGINE_PLACE}'`);
  for (const lines of sizes) {
    const text = generateMigratableFile(lines);
    const session = new EditorSession(text);
    const keystrokes = keystrokesAt(place.offset(text));
    for (let round = 0; round < 3; round++) for (const keystroke of keystrokes) session.type(keystroke); // warm-up
    const inspector = new Session();
    inspector.connect();
    const post = inspectorPost(inspector);
    await post('HeapProfiler.enable');
    await post('HeapProfiler.startSampling', { samplingInterval: 512, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    for (let round = 0; round < rounds; round++) for (const keystroke of keystrokes) session.type(keystroke);
    const { profile } = await post('HeapProfiler.stopSampling') as { profile: { head: ProfileNode } };
    inspector.disconnect();
    const count = rounds * keystrokes.length;
    const bytes = selfBytes(profile.head);
    const total = [...bytes.values()].reduce((sum, size) => sum + size, 0);
    console.log(`\n${text.split('\n').length} lines (${text.length} characters), ${place.name}: ~${(total / count / 1024).toFixed(1)} KiB allocated per keystroke (${count} keystrokes)`);
    for (const [where, size] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${(size / count / 1024).toFixed(2).padStart(9)} KiB  ${where}`);
  }
}
