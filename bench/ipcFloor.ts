// The floor the box sets under the typing bench's p99: a bare Node IPC ping-pong between two processes, no language
// server, no analysis. The child answers each message as the server answers a diagnostic pull that needs no analysis
// (a JSON-RPC request in, a small "unchanged" report out, over the same channel: process.send, JSON-serialised, which
// is what vscode-jsonrpc's IPC transport uses), and is observed as the typing bench observes a keystroke
// (KeystrokeObserver: each ping sent to a child gone back to sleep, the bench's young generation emptied after it).
// So its p99 / p50 is what the scheduler and the IPC hops alone give on this box at this moment; a typing p99 near it
// is the box's, not the server's.
//   node --import tsx -e "require('./bench/ipcFloor.ts').benchIpcFloor()"   (BENCH_IPC_PINGS, default 792 per round)
import { spawn } from 'node:child_process';
import { collectYoungGeneration } from './benchCollections';
import { BoxCensus } from './boxTasks';
import { boxCells, type Keystroke, KeystrokeObserver, p50p99 } from './keystrokeAnatomy';
import { percentile } from './stats';

/** The child: answers each request with a report of the shape the server's "unchanged" pull answer has. */
const ECHO = `process.on('message', (request) => process.send({ jsonrpc: '2.0', id: request.id, result: { kind: 'unchanged', resultId: request.params.previousResultId } }));`;

/** As many pings per round as keystrokes per place in the typing bench, so a p99 is the same rank. */
const PINGS = Number(process.env.BENCH_IPC_PINGS ?? 792);
const ROUNDS = 3;

export async function benchIpcFloor(): Promise<void> {
  const child = spawn(process.execPath, ['-e', ECHO], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const answers: Array<() => void> = [];
  child.on('message', () => answers.shift()?.());
  const ping = (id: number) => new Promise<void>((resolve) => {
    answers.push(resolve);
    child.send({ jsonrpc: '2.0', id, method: 'textDocument/diagnostic', params: { textDocument: { uri: 'file:///bench/src/service111.ts' }, previousResultId: '7' } });
  });
  try {
    const census = new BoxCensus([process.pid, ...(child.pid === undefined ? [] : [child.pid])]);
    for (let i = 0; i < 200; i++) await ping(-i); // both ends' code compiled before measuring
    const box = census.busySince();
    console.log(`\n## The box's floor: a bare Node IPC ping-pong (${PINGS} pings per round, each to a child gone back to sleep)`);
    console.log(`The box's other tasks: the threads outside both processes that ran during the first 200 pings (${box.names().join(', ')}; boxTasks.ts).`);
    console.log("| round | p50 / p99 ms | p99 / p50 | child CPU p50 / p99 ms | child queued for a core p50 / p99 ms | bench queued p50 / p99 ms | pings either main thread queued > 1 ms | p99 of the others | pings the box's other tasks ran into | their CPU in those p50 / p99 ms | of the slowest 1 % | p50 / p99 of the pings they did not run into (p99 / p50) |");
    console.log(`|${' --- |'.repeat(12)}`);
    for (let round = 1; round <= ROUNDS; round++) {
      const observer = new KeystrokeObserver(child.pid, undefined, box);
      const pings: Keystroke[] = [];
      for (let i = 0; i < PINGS; i++) {
        pings.push(await observer.measure(() => ping(i)));
        collectYoungGeneration();
      }
      const ms = pings.map((sample) => sample.ms);
      const queuedOf = (sample: Keystroke) => (sample.server?.mainQueuedMs ?? 0) + (sample.bench?.mainQueuedMs ?? 0);
      const calm = pings.filter((sample) => queuedOf(sample) <= 1).map((sample) => sample.ms);
      console.log(`| ${round} | ${p50p99(ms)} | ${(percentile(ms, 99) / percentile(ms, 50)).toFixed(1)}× | ${p50p99(pings.flatMap((sample) => sample.server?.mainCpuMs ?? []))} | ${p50p99(pings.flatMap((sample) => sample.server?.mainQueuedMs ?? []))} | ${p50p99(pings.flatMap((sample) => sample.bench?.mainQueuedMs ?? []))} | ${ms.length - calm.length} | ${calm.length > 0 ? `${percentile(calm, 99).toFixed(2)} (${(percentile(calm, 99) / percentile(calm, 50)).toFixed(1)}×)` : '–'} | ${boxCells(pings).join(' | ')} |`);
    }
    box.close();
  } finally {
    child.kill();
  }
}
