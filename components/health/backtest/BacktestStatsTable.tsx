import type { BacktestCell } from '@/lib/risk/backtest';
import { formatP, horizonLabel, levelLabel } from '@/lib/format/backtest';
import { ScrollRegion } from '@/components/ui/ScrollRegion';

const TH = 'px-3 py-2 font-medium';
const NUM = 'figure px-3 py-2 text-right';

const ZONE = {
  green: { word: 'Green', className: 'text-emerald-300', dot: 'bg-emerald-400' },
  yellow: { word: 'Yellow', className: 'text-amber-300', dot: 'bg-amber-400' },
  red: { word: 'Red', className: 'text-rose-300', dot: 'bg-rose-400' },
} as const;

/** Every cell of one market's backtest: how many hours were checked, how many went beyond the band, the tests. */
export function BacktestStatsTable({ market, cells }: { market: string; cells: readonly BacktestCell[] }) {
  return (
    <ScrollRegion label={`Backtest statistics for ${market}`} className="rounded-lg border border-slate-800">
      <table className="w-full min-w-[48rem] text-sm" data-testid="backtest-stats">
        <caption className="px-3 pt-2 pb-1 text-left text-sm font-medium text-slate-200">
          Backtest statistics for {market}{' '}
          <span className="font-normal text-slate-400">
            — an exception is a move beyond the forecast; p-values below 0.001 reject the model
          </span>
        </caption>
        <thead className="text-xs uppercase tracking-wider text-slate-400">
          <tr>
            <th scope="col" className={`${TH} text-left`}>
              Horizon
            </th>
            <th scope="col" className={`${TH} text-left`}>
              Level
            </th>
            <th scope="col" className={`${TH} text-left`}>
              Side
            </th>
            <th scope="col" className={`${TH} text-right`}>
              Forecasts checked
            </th>
            <th scope="col" className={`${TH} text-right`}>
              Exceptions
            </th>
            <th scope="col" className={`${TH} text-right`}>
              Expected
            </th>
            <th scope="col" className={`${TH} text-right`}>
              Kupiec p
            </th>
            <th scope="col" className={`${TH} text-right`}>
              Christoffersen p
            </th>
            <th scope="col" className={`${TH} text-left`}>
              Zone
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-800">
          {cells.map((c) => {
            const zone = ZONE[c.zone];
            return (
              <tr
                key={`${c.horizonHours}|${c.level}|${c.side}`}
                data-testid="backtest-cell"
                data-horizon={c.horizonHours}
                data-level={c.level}
                data-side={c.side}
              >
                <th scope="row" className="px-3 py-1.5 text-left font-normal text-slate-300">
                  {horizonLabel(c.horizonHours)}
                </th>
                <td className="figure px-3 py-1.5 text-slate-300">{levelLabel(c.level)}</td>
                <td className="px-3 py-1.5 text-slate-300">{c.side}</td>
                <td className={NUM} data-testid="cell-observations" data-value={c.observations}>
                  {c.observations.toLocaleString('en-US')}
                </td>
                <td className={NUM} data-testid="cell-exceptions" data-value={c.exceptions}>
                  {c.exceptions}
                </td>
                <td className={NUM} data-testid="cell-expected" data-value={c.expected}>
                  {c.expected.toFixed(1)}
                </td>
                <td className={NUM} data-testid="cell-kupiec" data-value={c.kupiecP}>
                  {formatP(c.kupiecP)}
                </td>
                <td className={NUM} data-testid="cell-christoffersen" data-value={c.christoffersenP}>
                  {formatP(c.christoffersenP)}
                </td>
                <td className={`px-3 py-1.5 ${zone.className}`} data-testid="cell-zone" data-value={c.zone}>
                  <span aria-hidden className={`mr-1.5 inline-block h-2 w-2 rounded-full ${zone.dot}`} />
                  {zone.word}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
