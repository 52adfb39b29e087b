import { Amount } from '@/components/ui/Amount';
import { formatAmount } from '@/lib/format/amount';
import { formatWadPercent } from '@/lib/format/ratio';
import type { HealthSnapshot } from '@/lib/health/snapshot';
import { TRANCHE_COLORS } from '@/lib/protocol/tranches';
import { ScrollRegion } from '@/components/ui/ScrollRegion';

const num = 'figure px-4 py-3 text-right';

/** Per-tranche capital, price and drawdown, in waterfall order (first loss first). */
export function TrancheFigures({ s }: { s: HealthSnapshot }) {
  const { symbol, decimals } = s.asset;
  return (
    <ScrollRegion label="Tranches table" className="rounded-xl border border-slate-800 bg-slate-900/40">
      <table className="w-full min-w-[44rem] text-sm" data-testid="tranche-figures">
        <caption className="px-4 pt-3 pb-1 text-left text-base font-medium text-slate-100">
          Tranches <span className="text-sm font-normal text-slate-400">— losses hit them top to bottom</span>
        </caption>
        <thead className="text-xs uppercase tracking-wider text-slate-400">
          <tr>
            <th scope="col" className="px-4 py-2 text-left font-medium">
              Tranche
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Capital ({symbol})
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Share of total (%)
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Share price ({symbol} / share)
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Peak price ({symbol} / share)
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Drawdown from peak (%)
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-800">
          {s.tranches.map((t) => (
            <tr key={t.id} data-testid={`tranche-${t.id}`}>
              <th scope="row" className="px-4 py-3 text-left font-medium text-slate-100">
                <span
                  aria-hidden
                  className="mr-2 inline-block h-2.5 w-2.5 rounded-sm"
                  style={{ background: TRANCHE_COLORS[t.id] }}
                />
                {t.name}
                <span className="ml-2 text-xs font-normal text-slate-400">{t.symbol}</span>
              </th>
              <td className={num} data-testid={`tranche-${t.id}-capital`} data-raw={t.capital.toString()}>
                <Amount value={t.capital} decimals={decimals} unit={symbol} />
              </td>
              <td className={num} data-testid={`tranche-${t.id}-share-of-total`} data-raw={t.shareOfTotal.toString()}>
                {formatWadPercent(t.shareOfTotal)}
              </td>
              <td className={num} data-testid={`tranche-${t.id}-share-price`} data-raw={t.sharePrice.toString()}>
                {formatAmount(t.sharePrice, decimals, { fractionDigits: 4, unit: `${symbol} / share` })}
              </td>
              <td
                className={`${num} text-slate-400`}
                data-testid={`tranche-${t.id}-peak`}
                data-raw={t.peakSharePrice.toString()}
              >
                {formatAmount(t.peakSharePrice, decimals, { fractionDigits: 4, unit: `${symbol} / share` })}
              </td>
              <td
                className={`${num} ${t.drawdown < 0n ? 'text-rose-300' : 'text-slate-400'}`}
                data-testid={`tranche-${t.id}-drawdown`}
                data-raw={t.drawdown.toString()}
              >
                {formatWadPercent(t.drawdown)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
