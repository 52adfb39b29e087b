// /health under load: RPC calls per visitor burst, first-load JS, server response time. Prints numbers, asserts nothing.
import { describeError, Supervisor } from '../lib/processes';
import { bootBenchStack, type BenchStack } from './lib/benchStack';
import { describeMethods, totalCalls } from '../lib/countingProxy';
import { firstLoadJs } from './lib/firstLoadJs';
import { kB, quantile } from './lib/format';

const LOADS = 100;
const REFRESH_SECONDS = 5;
const supervisor = new Supervisor((m) => console.log(m));

async function main() {
  let stack: BenchStack | undefined;
  try {
    stack = await bootBenchStack({
      root: process.cwd(),
      supervisor,
      refreshSeconds: REFRESH_SECONDS,
      log: (m) => console.log(m),
    });
    const { appUrl: base, proxy } = stack;

    const times: number[] = [];
    const started = performance.now();
    for (let i = 0; i < LOADS; i++) {
      const t0 = performance.now();
      const response = await fetch(`${base}/health`, { signal: AbortSignal.timeout(30_000) });
      await response.arrayBuffer();
      times.push(performance.now() - t0);
      if (!response.ok) console.log(`  load ${i + 1}: HTTP ${response.status}`);
    }
    const elapsed = (performance.now() - started) / 1000;
    const bound = Math.ceil(elapsed / REFRESH_SECONDS) + 1;
    const served = proxy.bySide.server;
    console.log(
      `RPC: ${totalCalls(served)} requests (${served.get('eth_call') ?? 0} eth_call) for ${LOADS} sequential /health loads in ${elapsed.toFixed(1)} s`,
    );
    console.log(
      `     bound at one lens call per ${REFRESH_SECONDS} s refresh: ≤ ${bound} · by method: ${describeMethods(served)}`,
    );

    times.sort((a, b) => a - b);
    console.log(
      `server response time of /health (full body): median ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms, max ${times.at(-1)?.toFixed(1)} ms`,
    );

    const healthJs = await firstLoadJs(base, '/health');
    const bareJs = await firstLoadJs(base, '/bench-no-such-page');
    console.log(`first-load JS of /health: ${kB(healthJs.total)} gzip in ${healthJs.chunks.length} scripts`);
    const bare = new Set(bareJs.chunks.map((c) => c.src));
    for (const c of healthJs.chunks)
      console.log(`  ${kB(c.gzip).padStart(9)}  ${c.src}${bare.has(c.src) ? '' : '   (page-specific)'}`);
    console.log(
      `first-load JS of a bare page (not-found): ${kB(bareJs.total)} gzip → /health adds ${kB(healthJs.total - bareJs.total)}`,
    );
    console.log(
      '(charts: recharts and the chart code load after first paint through next/dynamic, so they are not in these figures)',
    );
  } finally {
    await stack?.stop();
  }
}

main().then(
  () => supervisor.shutdown(0),
  (error) => supervisor.shutdown(1, `✗ ${describeError(error)}`),
);
