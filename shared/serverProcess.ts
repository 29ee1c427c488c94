// How the extension starts the language server, shared with bench/report-scan.ts so the benchmark measures the
// flags the extension really passes.

/**
 * Node flags of the language server process. V8 grows its heap by less after each full collection, so the garbage a
 * cold report leaves (syntax trees of thousands of files) is collected sooner: the peak RSS of a report of a large
 * workspace drops by about a third at no cost in time. (`--optimize-for-size` kept the peak lower still but made the
 * cold report ~1.8× slower: it trades generated code quality, not just heap size.)
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--heap-growing-percent=20'];
