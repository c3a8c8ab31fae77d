// Preloaded into a benchmark's child process (node --import): at exit, writes the process's peak
// resident set size in kilobytes (process.resourceUsage().maxRSS) and its CPU time in microseconds
// (user + system) to the file named by CUNHU_BENCH_RSS_FILE, so the parent can report each child's
// peak memory and CPU time on its own.
import { writeFileSync } from 'node:fs';

const file = process.env.CUNHU_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}`);
  });
}
