import type { RatedQuote } from '@/lib/risk/experience';
import { formatSmallPercent } from '@/lib/format/smallPercent';
import { formatMoney } from './format';
import { ScrollRegion } from '@/components/ui/ScrollRegion';

/**
 * Per tranche: probability of loss, expected loss and fair premium APR rated on the chain's loss record, then the
 * model's own P(loss) and fair APR; each analytic then Monte Carlo.
 */
export function TrancheRiskTable({
  analytic,
  monteCarlo,
  symbol,
}: {
  analytic: readonly RatedQuote[] | null;
  monteCarlo: readonly RatedQuote[] | null;
  symbol: string;
}) {
  const names = (monteCarlo ?? analytic ?? []).map((t) => ({ id: t.id, name: t.name }));
  const cell = (list: readonly RatedQuote[] | null, id: number, f: (t: RatedQuote) => string) => {
    const t = list?.find((x) => x.id === id);
    return t ? f(t) : '…';
  };
  const cols: { label: string; key: string; f: (t: RatedQuote) => string }[] = [
    { label: 'P(loss)', key: 'pd', f: (t) => formatSmallPercent(t.probabilityOfLoss) },
    { label: `Expected loss (${symbol})`, key: 'el', f: (t) => formatMoney(t.expectedLoss, '') },
    { label: 'Fair APR', key: 'apr', f: (t) => formatSmallPercent(t.fairPremiumApr) },
    { label: 'Model P(loss)', key: 'pd-model', f: (t) => formatSmallPercent(t.model.probabilityOfLoss) },
    { label: 'Model fair APR', key: 'apr-model', f: (t) => formatSmallPercent(t.model.fairPremiumApr) },
  ];
  return (
    <ScrollRegion label="Risk per tranche">
      <table className="w-full text-sm" data-testid="risk-tranche-table">
        <caption className="mb-1 text-left text-xs text-slate-400">
          Per tranche, one horizon; expected loss per horizon. Model fair APR = expected-loss rate × horizons per year +
          10 % × unexpected loss ÷ capital; P(loss), expected loss and fair APR are rated on the chain&apos;s loss
          record (the model counts as one year of evidence beside the indexed losses). A = analytic (instant), MC =
          Monte Carlo.
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
