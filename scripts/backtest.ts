// `npm run backtest -- [--split YYYY-MM-DD] [--markdown] <[ASSET=]file.csv>…`: the walk-forward backtest of the
// market-move model (lib/risk/backtest.ts) on hourly `ts,close` files; prints every cell and a verdict.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { walkForward, type BacktestCell } from '../lib/risk/backtest';
import { parseHourlyCsv } from '../lib/risk/marketMove/hourlyCsv';

const REJECT = 0.001;

function main(): void {
  const args = process.argv.slice(2);
  const splitIndex = args.indexOf('--split');
  const splitText = splitIndex >= 0 ? args[splitIndex + 1] : '2024-01-01';
  const splitAt = Date.parse(`${splitText}T00:00:00Z`) / 1000;
  if (!Number.isFinite(splitAt)) throw new Error(`--split must be a date YYYY-MM-DD, got ${splitText}`);
  const markdown = args.includes('--markdown');
  const files = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--split');
  if (files.length === 0)
    throw new Error('Usage: npm run backtest -- [--split 2024-01-01] [--markdown] eth.csv btc.csv …');

  const rows: (BacktestCell & { asset: string })[] = [];
  for (const arg of files) {
    const match = /^([A-Za-z0-9]+)=(.+)$/.exec(arg);
    const file = match ? (match[2] as string) : arg;
    const asset = (match ? (match[1] as string) : (/^[a-z0-9]+/i.exec(path.basename(file))?.[0] ?? 'X')).toUpperCase();
    const series = parseHourlyCsv(fs.readFileSync(file, 'utf8'), path.basename(file));
    const started = performance.now();
    const report = walkForward(series, { asset, splitAt });
    const seconds = (performance.now() - started) / 1000;
    console.error(`${asset}: ${series.closes.length} closes, ${report.forecasts} forecasts in ${seconds.toFixed(1)} s`);
    rows.push(...report.cells.map((c) => ({ ...c, asset })));
  }

  const header = [
    'series',
    'sample',
    'horizon',
    'level',
    'side',
    'n',
    'exceptions',
    'expected',
    'ratio',
    'Kupiec p',
    'Christoffersen p',
    'zone',
  ];
  const lines = rows.map((r) => [
    r.asset,
    r.period === 'in' ? `before ${splitText}` : r.period === 'out' ? `from ${splitText}` : 'all',
    `${r.horizonHours} h`,
    `${(r.level * 100).toFixed(1)} %`,
    r.side,
    String(r.observations),
    String(r.exceptions),
    r.expected.toFixed(1),
    Number.isFinite(r.ratio) ? r.ratio.toFixed(2) : '–',
    formatP(r.kupiecP),
    formatP(r.christoffersenP),
    r.zone,
  ]);
  if (markdown) {
    console.log(`| ${header.join(' | ')} |`);
    console.log(`|${header.map(() => '---').join('|')}|`);
    for (const line of lines) console.log(`| ${line.join(' | ')} |`);
  } else {
    const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
    const format = (cells: string[]) =>
      cells.map((c, i) => (i < 5 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
    console.log(format(header));
    for (const line of lines) console.log(format(line));
  }
  const rejected = rows.filter((r) => r.kupiecP < REJECT || r.christoffersenP < REJECT);
  const hourly99 = rows.filter((r) => r.horizonHours === 1 && r.level === 0.99);
  const ratios = hourly99.map((r) => r.ratio);
  console.log('');
  console.log(`${rows.length} cells; rejected at p < ${REJECT} (Kupiec or Christoffersen): ${rejected.length}`);
  for (const r of rejected)
    console.log(
      `  ✗ ${r.asset} ${r.period} ${r.horizonHours} h ${r.level} ${r.side}: ratio ${r.ratio.toFixed(2)}, Kupiec p ${formatP(r.kupiecP)}, Christoffersen p ${formatP(r.christoffersenP)}`,
    );
  console.log(
    `99 % one-hour exception ratio: ${Math.min(...ratios).toFixed(2)} … ${Math.max(...ratios).toFixed(2)} (target 0.80 … 1.25)`,
  );
}

function formatP(p: number): string {
  if (p >= 0.001) return p.toFixed(3);
  return p.toExponential(1);
}

main();
