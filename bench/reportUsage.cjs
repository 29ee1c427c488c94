// Preloaded into benchmark children: reports the process's own peak resident set size and CPU time on exit (the box
// is shared, so CPU time is the steadier of the two times).
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\nPEAK_RSS_KB=${usage.maxRSS}\nCPU_US=${usage.userCPUTime + usage.systemCPUTime}\n`);
});
