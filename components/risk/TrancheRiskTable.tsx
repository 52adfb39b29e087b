import type { TrancheQuote } from '@/lib/risk';
import { formatMoney, formatPct } from './format';
import { ScrollRegion } from '@/components/ui/ScrollRegion';

/** Per tranche: probability of loss, expected loss and fair premium APR, analytic then Monte Carlo. */
export function TrancheRiskTable({
  analytic,
  monteCarlo,
  symbol,
}: {
  analytic: readonly TrancheQuote[] | null;
  monteCarlo: readonly TrancheQuote[] | null;
  symbol: string;
}) {
  const names = (monteCarlo ?? analytic ?? []).map((t) => ({ id: t.id, name: t.name }));
  const cell = (list: readonly TrancheQuote[] | null, id: number, f: (t: TrancheQuote) => string) => {
    const t = list?.find((x) => x.id === id);
    return t ? f(t) : '…';
  };
  const cols: { label: string; key: string; f: (t: TrancheQuote) => string }[] = [
    { label: 'P(loss)', key: 'pd', f: (t) => formatPct(t.probabilityOfLoss, 3) },
    { label: `Expected loss (${symbol})`, key: 'el', f: (t) => formatMoney(t.expectedLoss, '') },
    { label: 'Fair APR', key: 'apr', f: (t) => formatPct(t.fairPremiumApr) },
  ];
  return (
    <ScrollRegion label="Risk per tranche">
      <table className="w-full text-sm" data-testid="risk-tranche-table">
        <caption className="mb-1 text-left text-xs text-slate-400">
          Per tranche, one horizon; expected loss per horizon, fair APR = expected-loss rate × horizons per year + 10 %
          × unexpected loss ÷ capital. A = analytic (instant), MC = Monte Carlo.
        </caption>
        <thead>
          <tr className="text-left text-xs text-slate-400">
            <th scope="col" className="py-1 font-normal">
              Tranche
            </th>
            {cols.flatMap((c) => [
              <th key={`a-${c.key}`} scope="col" className="py-1 text-right font-normal">
                {c.label} · A
              </th>,
              <th key={`m-${c.key}`} scope="col" className="py-1 text-right font-normal">
                {c.label} · MC
              </th>,
            ])}
          </tr>
        </thead>
        <tbody>
          {names.map(({ id, name }) => (
            <tr key={id} className="border-t border-slate-800/60">
              <th scope="row" className="py-1 text-left font-normal text-slate-300">
                {name}
              </th>
              {cols.flatMap((c) => [
                <td
                  key={`a-${c.key}`}
                  className="figure py-1 text-right text-slate-300"
                  data-testid={`analytic-tranche-${id}-${c.key}`}
                >
                  {cell(analytic, id, c.f)}
                </td>,
                <td
                  key={`m-${c.key}`}
                  className="figure py-1 text-right text-slate-100"
                  data-testid={`mc-tranche-${id}-${c.key}`}
                >
                  {cell(monteCarlo, id, c.f)}
                </td>,
              ])}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
