// /health under load: RPC calls per visitor burst, first-load JS, server response time. Prints numbers, asserts nothing.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { LOCAL_CHAIN_ID, startAnvil } from '../lib/anvil';
import { buildApp, staleBuildReason, startApp } from '../lib/app';
import { buildContracts } from '../lib/contracts';
import { deployAll } from '../lib/deploy';
import { deploymentPath } from '../lib/deployment';
import { startIndexer } from '../lib/indexer';
import { findFreePort } from '../lib/ports';
import { describeError, Supervisor } from '../lib/processes';
import { historyWindow, seedHistory } from '../lib/seed';

const LOADS = 100;
const REFRESH_SECONDS = 5;
const root = process.cwd();
const supervisor = new Supervisor((m) => console.log(m));

/** A loopback-only JSON-RPC pass-through that counts what the app asks the node (batches count per call). */
function startCountingProxy(port: number, upstream: string) {
  const counts = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      try {
        const parsed = JSON.parse(body.toString()) as { method?: string } | { method?: string }[];
        for (const call of Array.isArray(parsed) ? parsed : [parsed]) {
          counts.set(call.method ?? '?', (counts.get(call.method ?? '?') ?? 0) + 1);
        }
      } catch {
        counts.set('(unparsable)', (counts.get('(unparsable)') ?? 0) + 1);
      }
      try {
        const answer = await fetch(upstream, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(Buffer.from(await answer.arrayBuffer()));
      } catch (error) {
        res.writeHead(502).end(describeError(error));
      }
    });
  });
  return new Promise<{ url: string; counts: Map<string, number>; stop: () => Promise<void> }>((resolve) =>
    server.listen(port, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${port}`, counts, stop: () => new Promise((r) => server.close(() => r())) }),
    ),
  );
}

const total = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;

/** gzip sizes of the module scripts a page's HTML loads up front (nomodule polyfills are skipped: modern browsers ignore them). */
async function firstLoadJs(base: string, pagePath: string) {
  const html = await (await fetch(`${base}${pagePath}`)).text();
  const tags = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)];
  const chunks: { src: string; gzip: number }[] = [];
  for (const [tag, src] of tags) {
    if (/\bnomodule\b/i.test(tag) || !src) continue;
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    chunks.push({ src, gzip: gzipSync(body, { level: 9 }).length });
  }
  return { chunks, total: chunks.reduce((a, c) => a + c.gzip, 0) };
}

async function main() {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backstop-bench-'));
  const stack: Array<() => Promise<void>> = [];
  try {
    const [anvilPort, proxyPort, indexerPort, appPort] = (await distinctPorts(4)) as [number, number, number, number];
    const reason = staleBuildReason(root);
    if (reason) {
      console.log(`… next build (${reason})`);
      await buildApp({ root, supervisor });
    }
    await buildContracts({ root, supervisor });
    const history = historyWindow();
    const anvil = await startAnvil({ port: anvilPort, supervisor, root, critical: false, genesisTimestamp: history.genesisTimestamp });
    stack.push(anvil.stop);
    const deployment = await deployAll({ rpcUrl: anvil.rpcUrl, outDir: workDir });
    await seedHistory({ rpcUrl: anvil.rpcUrl, deployment, seed: 1, endTime: history.endTime, log: () => {} });
    const deploymentFile = deploymentPath(workDir, deployment.chainId);
    const indexer = await startIndexer({
      root, supervisor, rpcUrl: anvil.rpcUrl, chainId: LOCAL_CHAIN_ID, deploymentFile, port: indexerPort,
      databaseDir: path.join(workDir, 'indexer-db'), critical: false, log: () => {},
    });
    stack.push(indexer.stop);
    const proxy = await startCountingProxy(proxyPort, anvil.rpcUrl);
    stack.push(proxy.stop);
    const app = await startApp({
      root, port: appPort, supervisor, critical: false,
      env: {
        BACKSTOP_RPC_URL: proxy.url, BACKSTOP_CHAIN_ID: String(LOCAL_CHAIN_ID), BACKSTOP_DEPLOYMENT: deploymentFile,
        BACKSTOP_INDEXER_URL: indexer.url, BACKSTOP_REFRESH_SECONDS: String(REFRESH_SECONDS),
      },
    });
    stack.push(app.stop);
    const base = `http://127.0.0.1:${appPort}`;
    proxy.counts.clear(); // startApp's readiness probe of "/" is not /health's cost

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
    const calls = proxy.counts.get('eth_call') ?? 0;
    console.log(`RPC: ${total(proxy.counts)} requests (${calls} eth_call) for ${LOADS} sequential /health loads in ${elapsed.toFixed(1)} s`);
    console.log(`     bound at one lens call per ${REFRESH_SECONDS} s refresh: ≤ ${bound} · by method: ${JSON.stringify(Object.fromEntries(proxy.counts))}`);

    times.sort((a, b) => a - b);
    console.log(`server response time of /health (full body): median ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms, max ${times.at(-1)?.toFixed(1)} ms`);

    const healthJs = await firstLoadJs(base, '/health');
    const bareJs = await firstLoadJs(base, '/bench-no-such-page');
    console.log(`first-load JS of /health: ${kB(healthJs.total)} gzip in ${healthJs.chunks.length} scripts`);
    const bare = new Set(bareJs.chunks.map((c) => c.src));
    for (const c of healthJs.chunks) console.log(`  ${kB(c.gzip).padStart(9)}  ${c.src}${bare.has(c.src) ? '' : '   (page-specific)'}`);
    console.log(`first-load JS of a bare page (not-found): ${kB(bareJs.total)} gzip → /health adds ${kB(healthJs.total - bareJs.total)}`);
    console.log('(charts: recharts and the chart code load after first paint through next/dynamic, so they are not in these figures)');
  } finally {
    for (const stop of stack.reverse()) await stop().catch(() => {});
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

async function distinctPorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) ports.add(await findFreePort());
  return [...ports];
}

main().then(
  () => supervisor.shutdown(0),
  (error) => supervisor.shutdown(1, `✗ ${describeError(error)}`),
);
