// Fallback resource probe for `npm run bench`, used only when /usr/bin/time
// is not available:  node --import ./scripts/bench-rss.mjs <script> ...
// On exit it writes "<maxRSS KiB> <user s> <sys s>" to $BENCH_RSS_OUT.
// It only sees the process it is loaded into (not grandchildren), which is
// why GNU time is preferred when present.
import { writeFileSync } from 'node:fs';

const out = process.env.BENCH_RSS_OUT;
if (out) {
  delete process.env.BENCH_RSS_OUT; // do not let child processes overwrite it
  process.on('exit', () => {
    const u = process.resourceUsage();
    try {
      writeFileSync(out, `${u.maxRSS} ${(u.userCPUTime / 1e6).toFixed(2)} ${(u.systemCPUTime / 1e6).toFixed(2)}\n`);
    } catch {
      // best effort
    }
  });
}
