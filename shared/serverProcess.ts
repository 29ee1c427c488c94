// How the extension starts the language server, shared with bench/report-scan.ts so the benchmark measures the
// flags the extension really passes.

/**
 * Node flags of the language server process. V8 grows its heap by less after each full collection, so the garbage a
 * cold report leaves (syntax trees of thousands of files) is collected sooner: the peak RSS of a report of a large
 * workspace drops by about a third (~350 → ~230 MB on the 18,779-file benchmark) for 0–8 % more CPU.
 * (`--optimize-for-size` kept the peak near 200 MB but made the report ~1.7× the CPU: it trades generated code
 * quality, not just heap size. A smaller new space or `--max-old-space-size` cost more or risk running out.)
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--heap-growing-percent=20'];
