// How the extension starts the language server, shared with bench/report-scan.ts so the benchmark measures the
// flags the extension really passes.

/**
 * Node flags of the language server process. V8 grows its heap by less after each full collection, so the garbage a
 * cold report leaves (syntax trees of thousands of files) is collected sooner: the peak RSS of a report of a large
 * workspace drops by about a third (~350 → ~230 MB on the 18,779-file benchmark) for 0–8 % more CPU.
 * (`--optimize-for-size` kept the peak near 200 MB but made the report ~1.7× the CPU: it trades generated code
 * quality, not just heap size. A smaller new space or `--max-old-space-size` cost more or risk running out.)
 * No allocation-site pretenuring: V8 learns from the first analysis of a document (where nearly everything allocated
 * survives: the tree, the summaries) to allocate what those sites make straight in the old generation; while typing the
 * same sites make per-keystroke garbage, which then stayed until a full collection and, pointing at young objects, kept
 * them alive through every young collection (issue #13: 3.5–4.5 MB promoted per young collection on a 100- or
 * 300-line file, 0.6–0.7 MB without; those collections were the p99 keystrokes).
 * Not a larger new space: while typing, the young generation is already at its 16 MB maximum (~115 KB allocated in it
 * per keystroke at 111 lines, ~600 KB at 9,747, whose new text and JSON answer, ~0.7 MB, go to large-object space
 * instead). `--max-semi-space-size=32` halves the young collections (per 100
 * keystrokes 0.8–1.0 → 0.5 at 111 lines, 1.5–1.8 → 0.8 at 987, 4.0–4.5 → 2.0 at 9,747) but adds ~40 MB to the peak
 * of a cold report of the real-world workspace (223 → 263 MB; 64: 305 MB) and keeps ~30 MB more after it (nothing at
 * rest: 119 MB either way), while a collection's ~1 ms pause keeps a keystroke within ~2.5× the p50.
 * Not `--no-concurrent-recompilation` or `--single-threaded` (measured 2026-12-07, typing bench): the server's other
 * threads' CPU during a keystroke (p99 2–5 ms, 0 at p50) is TurboFan still optimising after the warm-up; on the main
 * thread those compiles made the server's own CPU p99 5–13 ms (0.8–1.5 ms with them in the background). Not
 * `--single-threaded-gc`: the same scavenge pauses (0.7–2.5 ms) and p99s within the box's noise.
 *
 * A young generation kept at its 16 MB maximum (`--min-semi-space-size=16`): after a pause (a full collection at a low
 * allocation rate, V8's memory reducer) V8 shrank it to 1 MB, and it grew back only by doubling, one young collection
 * at a time. At 9,747 lines every keystroke makes a new ~440 KB text (77 % of its ~600 KB allocation,
 * bench/keystrokeAllocation.ts) and every young collection moves the live one to the old generation: the typing
 * after a pause then ran 32-33 young collections per 396 keystrokes instead of 12, each promoting the text, and the
 * old generation filled towards a full collection that much sooner (issue #13, typing bench at 9,747 lines in a Bedrock
 * function, measured right after the bench's pause: 7.6-7.8 young collections per 100 keystrokes, 2.8 with the flag,
 * as in plain code; full collections inside those keystrokes 2-4 → 1). It also lets more be allocated between two
 * young collections in steady typing (~22 → ~33 MB at 9,747 lines: plain code 2.8 → 1.8 per 100 keystrokes), so it
 * costs memory: the server's RSS after the typing bench 172-205 → 216 MB (peak 232-235 → 243 MB); a cold report's
 * peak is not yet measured with it (`--max-semi-space-size=32` above added ~40 MB there).
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--heap-growing-percent=20', '--no-allocation-site-pretenuring', '--min-semi-space-size=16'];
