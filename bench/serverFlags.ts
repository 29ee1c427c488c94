import { SERVER_EXEC_ARGV } from '../shared/serverProcess';

/**
 * Node flags of a language server a bench starts: those the extension passes (so the figures are the editor's), plus
 * a CPU profile written to BENCH_PROFILE=dir when that is set.
 */
export function benchServerExecArgv(): string[] {
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  return [...SERVER_EXEC_ARGV, ...profile];
}

/** How the server was started, for a bench's heading. */
export function describeServerFlags(transport: 'stdio' | 'ipc' = 'stdio'): string {
  const over = transport === 'ipc' ? "over Node's IPC channel, as the extension starts it" : 'over stdio';
  return `Server started with the extension's Node flags (${SERVER_EXEC_ARGV.join(' ') || 'none'}), ${over}.`;
}

/** How the benches reach the server: Node's IPC channel, as the extension does, unless BENCH_TRANSPORT=stdio. */
export function benchTransport(): 'stdio' | 'ipc' {
  return process.env.BENCH_TRANSPORT === 'stdio' ? 'stdio' : 'ipc';
}
