import { Amount } from '@/components/ui/Amount';
import { formatAmount } from '@/lib/format/amount';
import type { ModuleView, TrancheView } from '@/lib/chain/readDashboard';
import { ScrollRegion } from '@/components/ui/ScrollRegion';

const cell = 'figure px-4 py-3 text-right';

/** The three tranches in waterfall order (first loss first). */
export function TrancheTable({ module, tranches }: { module: ModuleView; tranches: readonly TrancheView[] }) {
  return (
    <ScrollRegion label="Tranches table" className="rounded-xl border border-slate-800">
      <table className="w-full min-w-[40rem] text-sm">
        <caption className="px-4 py-3 text-left text-base font-medium text-slate-100">
          Tranches <span className="text-sm font-normal text-slate-400">— losses hit them top to bottom</span>
        </caption>
        <thead className="bg-slate-900/80 text-slate-400">
          <tr>
            <th scope="col" className="px-4 py-2 text-left font-medium">
              Tranche
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Total assets
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Share price
            </th>
            <th scope="col" className="px-4 py-2 text-right font-medium">
              Share supply
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-800">
          {tranches.map((tranche) => (
            <tr key={tranche.id} data-testid={`tranche-${tranche.id}`}>
              <th scope="row" className="px-4 py-3 text-left font-medium text-slate-100">
                {tranche.name}
                <span className="ml-2 text-xs font-normal text-slate-400">{tranche.symbol}</span>
              </th>
              <td
                className={cell}
                data-testid={`tranche-${tranche.id}-total-assets`}
                data-raw={tranche.totalAssets.toString()}
              >
                <Amount value={tranche.totalAssets} decimals={module.assetDecimals} unit={module.assetSymbol} />
              </td>
              <td
                className={cell}
                data-testid={`tranche-${tranche.id}-share-price`}
                data-raw={tranche.sharePrice.toString()}
              >
                {formatAmount(tranche.sharePrice, module.assetDecimals, {
                  fractionDigits: 4,
                  unit: `${module.assetSymbol} / share`,
                })}
              </td>
              <td
                className={cell}
                data-testid={`tranche-${tranche.id}-total-supply`}
                data-raw={tranche.totalSupply.toString()}
              >
                <Amount value={tranche.totalSupply} decimals={tranche.shareDecimals} unit={tranche.symbol} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
