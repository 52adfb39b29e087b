// Per-page budgets: Lighthouse scores, first-load JS per route, JSON-RPC calls per page view. Prints, asserts nothing;
// exits non-zero only when something could not be measured.
import { describeError, Supervisor } from '../lib/processes';
import { bootBenchStack, type BenchStack } from './lib/benchStack';
import { describeMethods, totalCalls } from '../lib/countingProxy';
import { firstLoadJs } from './lib/firstLoadJs';
import { startFloorPage, type FloorPage } from './lib/floorPage';
import { kB, median, printTable } from './lib/format';
import { lostPoints, runLighthouse, type LighthousePreset, type LighthouseRun } from './lib/lighthouse';
import { countRpcPerView, type RpcWindow } from './lib/rpcPerView';
import { firstProposalId } from './lib/firstProposalId';

const REFRESH_SECONDS = 5;
const NOT_FOUND = '/bench-no-such-page';
const LIGHTHOUSE_PAGES = ['/health', '/tranches/1', '/governance'];
/** The not-found page served with status 200 (lib/floorPage.ts): what Next, React and the root layout cost alone. */
const FLOOR = 'floor (not-found page)';
const LIGHTHOUSE_RUNS = 3;
const PRESETS: LighthousePreset[] = ['mobile', 'desktop'];
/** Issue #7's budget; the other pages are measured, not budgeted. */
const TARGETS: Record<string, { performance: number; accessibility: number }> = {
  '/health': { performance: 95, accessibility: 95 },
};
const RPC_WINDOW: RpcWindow = { quietMs: (REFRESH_SECONDS + 1) * 1000, afterIdleMs: 5_000, idleTimeoutMs: 30_000 };

const supervisor = new Supervisor((m) => console.log(m));
const heading = (title: string) => console.log(`\n── ${title} ──`);

async function main() {
  let stack: BenchStack | undefined;
  let floor: FloorPage | undefined;
  try {
    stack = await bootBenchStack({
      root: process.cwd(),
      supervisor,
      refreshSeconds: REFRESH_SECONDS,
      log: (m) => console.log(m),
    });
    const proposalId = await firstProposalId(stack.indexerUrl);
    const routes = [
      '/',
      '/health',
      '/tranches',
      '/tranches/1',
      '/governance',
      `/governance/${proposalId}`,
      '/governance/new',
      NOT_FOUND,
    ];

    await printRpcPerView(stack, routes);
    await printFirstLoadJs(stack.appUrl, routes);
    floor = await startFloorPage(stack.appUrl, NOT_FOUND);
    for (const preset of PRESETS) await printLighthouse(stack.appUrl, floor.url, preset);
  } finally {
    await floor?.stop();
    await stack?.stop();
  }
}

async function printRpcPerView(stack: BenchStack, routes: string[]) {
  heading('JSON-RPC calls per page view (real Chromium, one fresh visitor per route)');
  console.log(
    `window: navigation start → network idle (no request for 500 ms) + ${RPC_WINDOW.afterIdleMs / 1000} s; ` +
      `${RPC_WINDOW.quietMs / 1000} s quiet before each view so the server's ${REFRESH_SECONDS} s lens cache is cold.`,
  );
  console.log('server = the app server → node; browser = the page → node directly (wagmi reads, same RPC URL).');
  const views = await countRpcPerView(stack.appUrl, routes, stack.proxy, RPC_WINDOW);
  for (const view of views) expectStatus(view.route, view.status);
  printTable(
    ['route', 'HTTP', 'server', 'browser', 'window', 'server by method', 'browser by method'],
    views.map((v) => [
      v.route,
      String(v.status),
      String(totalCalls(v.server)),
      String(totalCalls(v.browser)),
      `${(v.windowMs / 1000).toFixed(1)} s${v.reachedIdle ? '' : ' (never idle)'}`,
      describeMethods(v.server),
      describeMethods(v.browser),
    ]),
  );
}

async function printFirstLoadJs(base: string, routes: string[]) {
  heading('First-load JS (module <script src> of the served HTML, gzip -9)');
  const floor = await firstLoadJs(base, NOT_FOUND);
  const rows: string[][] = [];
  for (const route of routes) {
    const js = route === NOT_FOUND ? floor : await firstLoadJs(base, route);
    expectStatus(route, js.status);
    rows.push([
      route === NOT_FOUND ? `${route} (not-found: platform floor)` : route,
      String(js.status),
      String(js.chunks.length),
      kB(js.total),
      kB(js.total - floor.total),
    ]);
  }
  printTable(['route', 'HTTP', 'scripts', 'gzip', 'above floor'], rows);
  console.log('(code behind next/dynamic, e.g. the /health charts, loads after first paint and is not counted here)');
}

async function printLighthouse(base: string, floorUrl: string, preset: LighthousePreset) {
  heading(
    `Lighthouse 12.2.3, ${preset} preset${preset === 'mobile' ? " (Lighthouse's default: simulated slow 4G, 4× CPU slowdown)" : ' (simulated desktop throttling)'}, ${LIGHTHOUSE_RUNS} runs per page, each on a fresh Chromium`,
  );
  const pages = new Map<string, string>([
    ...LIGHTHOUSE_PAGES.map((page) => [page, `${base}${page}`] as const),
    [FLOOR, floorUrl],
  ]);
  const results = new Map<string, LighthouseRun[]>([...pages.keys()].map((page) => [page, []]));
  // Round by round, each page once per round: the machine's speed drifts within minutes, and every page should
  // meet the same drift rather than one page getting all the slow minutes.
  for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
    for (const [page, url] of pages)
      results.get(page)!.push(await runLighthouse(url, preset, supervisor, (m) => console.log(m)));
  }

  const ms = (v: number) => `${Math.round(v)} ms`;
  const rows: string[][] = [];
  for (const [page, runs] of results) {
    runs.forEach((r, i) =>
      rows.push([
        page,
        `run ${i + 1}`,
        String(r.performance),
        String(r.accessibility),
        ms(r.fcp),
        ms(r.lcp),
        ms(r.tbt),
        r.cls.toFixed(3),
        r.benchmarkIndex.toFixed(0),
      ]),
    );
    const m = (pick: (r: LighthouseRun) => number) => median(runs.map(pick));
    rows.push([
      page,
      'median',
      String(m((r) => r.performance)),
      String(m((r) => r.accessibility)),
      ms(m((r) => r.fcp)),
      ms(m((r) => r.lcp)),
      ms(m((r) => r.tbt)),
      m((r) => r.cls).toFixed(3),
      '',
    ]);
  }
  printTable(['page', 'run', 'perf', 'a11y', 'FCP', 'LCP', 'TBT', 'CLS', 'CPU index'], rows);
  console.log(
    '(median per column, each over the runs; CPU index = Lighthouse benchmarkIndex of this machine during the run)',
  );

  for (const [page, target] of Object.entries(TARGETS)) {
    const runs = results.get(page);
    if (!runs) continue;
    const perf = median(runs.map((r) => r.performance));
    const a11y = median(runs.map((r) => r.accessibility));
    const verdict = (got: number, want: number) => `${got} (target ≥ ${want}: ${got >= want ? 'met' : 'MISSED'})`;
    console.log(
      `${page} ${preset}: performance ${verdict(perf, target.performance)}, accessibility ${verdict(a11y, target.accessibility)}`,
    );
    const floorRuns = results.get(FLOOR) ?? [];
    const floorPerf = median(floorRuns.map((r) => r.performance));
    console.log(
      `  the floor in the same rounds: performance ${floorPerf} (runs ${floorRuns.map((r) => r.performance).join(', ')}); ` +
        `${page} is ${perf >= floorPerf ? 'at or above' : `${floorPerf - perf} below`} it`,
    );
  }
  for (const [page, runs] of results) {
    // The run whose performance score is the median one stands for the page.
    const typical = runs.find((r) => r.performance === median(runs.map((x) => x.performance))) ?? runs[0];
    if (!typical) continue;
    for (const category of ['performance', 'accessibility'] as const) {
      if (typical[category] >= 100) continue;
      const lines = lostPoints(typical.lhr, category);
      if (lines.length > 0)
        console.log(
          `${page} ${preset} ${category} ${typical[category]}: audits below 0.9\n${lines
            .slice(0, 24)
            .map((l) => `  ${l}`)
            .join('\n')}`,
        );
    }
  }
}

function expectStatus(route: string, status: number | null) {
  const wanted = route === NOT_FOUND ? 404 : 200;
  if (status !== wanted)
    throw new Error(
      `${route} answered HTTP ${status ?? 'nothing'} (expected ${wanted}): its figures would not be the page's.`,
    );
}

main().then(
  () => supervisor.shutdown(0),
  (error) => supervisor.shutdown(1, `✗ ${describeError(error)}`),
);
