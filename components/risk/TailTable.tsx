import type { PortfolioRisk } from '@/lib/risk';
import { formatMoney, formatPct, formatRatio } from './format';

const LEVELS = [
  { level: 0.95, key: '95' },
  { level: 0.99, key: '99' },
  { level: 0.999, key: '99-9' },
] as const;

/** VaR and ES at each level, and the model solvency ratio, from both engines side by side. */
export function TailTable({
  analytic,
  monteCarlo,
  mcHeader,
  symbol,
}: {
  analytic: PortfolioRisk | null;
  monteCarlo: PortfolioRisk | null;
  mcHeader: string;
  symbol: string;
}) {
  const tail = (p: PortfolioRisk | null, level: number) => p?.tails.find((t) => Math.abs(t.level - level) < 1e-9);
  const rows: { label: string; id: string; value: (p: PortfolioRisk | null) => string }[] = [
    ...LEVELS.flatMap(({ level, key }) => [
      {
        label: `VaR ${key.replace('-', '.')} %`,
        id: `var-${key}`,
        value: (p: PortfolioRisk | null) => (p ? formatMoney(tail(p, level)?.valueAtRisk ?? NaN, symbol) : '…'),
      },
      {
        label: `ES ${key.replace('-', '.')} %`,
        id: `es-${key}`,
        value: (p: PortfolioRisk | null) => (p ? formatMoney(tail(p, level)?.expectedShortfall ?? NaN, symbol) : '…'),
      },
    ]),
    {
      label: 'Mean shortfall per horizon (expected loss)',
      id: 'mean',
      value: (p) => (p ? formatMoney(p.expectedShortfall, symbol) : '…'),
    },
    {
      label: 'Model solvency ratio (capital ÷ ES 99 %)',
      id: 'solvency',
      value: (p) => (p ? formatRatio(p.solvencyRatio) : '…'),
    },
    {
      label: 'P(shortfall exceeds all capital)',
      id: 'p-deficit',
      value: (p) => (p ? formatPct(p.probabilityOfDeficit, 3) : '…'),
    },
  ];
  return (
    <table className="w-full text-sm" data-testid="risk-tail-table">
      <caption className="sr-only">Portfolio tail risk over one liquidation horizon</caption>
      <thead>
        <tr className="text-left text-xs text-slate-400">
          <th scope="col" className="py-1 font-normal">
            Clearinghouse shortfall, one horizon
          </th>
          <th scope="col" className="py-1 text-right font-normal">
            Analytic (instant)
          </th>
          <th scope="col" className="py-1 text-right font-normal" data-testid="mc-header">
            {mcHeader}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-t border-slate-800/60">
            <th scope="row" className="py-1 text-left font-normal text-slate-400">
              {r.label}
            </th>
            <td className="figure py-1 text-right text-slate-200" data-testid={`analytic-${r.id}`}>
              {r.value(analytic)}
            </td>
            <td className="figure py-1 text-right text-slate-100" data-testid={`mc-${r.id}`}>
              {r.value(monteCarlo)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
