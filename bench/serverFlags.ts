import { SERVER_EXEC_ARGV } from '../shared/serverProcess';

/**
 * Node flags of a language server a bench starts: those the extension passes (so the figures are the editor's), plus
 * a CPU profile written to BENCH_PROFILE=dir when that is set, plus BENCH_SERVER_FLAGS (space-separated) to try a
 * flag before the extension adopts it (e.g. BENCH_SERVER_FLAGS=--max-semi-space-size=32).
 */
export function benchServerExecArgv(): string[] {
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  return [...SERVER_EXEC_ARGV, ...triedFlags(), ...profile];
}

function triedFlags(): string[] {
  return (process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter((flag) => flag !== '');
}

/** How the server was started, for a bench's heading. */
export function describeServerFlags(transport: 'stdio' | 'ipc' = 'stdio'): string {
  const over = transport === 'ipc' ? "over Node's IPC channel, as the extension starts it" : 'over stdio';
  const tried = triedFlags();
  const plus = tried.length > 0 ? ` plus ${tried.join(' ')} (BENCH_SERVER_FLAGS: not what the extension runs)` : '';
  return `Server started with the extension's Node flags (${SERVER_EXEC_ARGV.join(' ') || 'none'})${plus}, ${over}.`;
}

/** How the benches reach the server: Node's IPC channel, as the extension does, unless BENCH_TRANSPORT=stdio. */
export function benchTransport(): 'stdio' | 'ipc' {
  return process.env.BENCH_TRANSPORT === 'stdio' ? 'stdio' : 'ipc';
}
