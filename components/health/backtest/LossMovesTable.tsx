import type { LossEventMoves, LossMove } from '@/lib/risk/chainBacktest';
import { formatFrequency, formatMove, formatProbability, utc } from '@/lib/format/backtest';
import { ScrollRegion } from '@/components/ui/ScrollRegion';

const TH = 'px-3 py-2 font-medium';

/** Each loss event with its market's move before it and how likely the model thought such a move beforehand. */
export function LossMovesTable({ losses }: { losses: readonly LossEventMoves[] }) {
  return (
    <ScrollRegion label="Loss events against the model" className="rounded-lg border border-slate-800">
      <table className="w-full min-w-[52rem] text-sm" data-testid="backtest-losses">
        <caption className="px-3 pt-2 pb-1 text-left text-sm font-medium text-slate-200">
          Loss events against the model{' '}
          <span className="font-normal text-slate-400">
            — the oracle&apos;s move before each loss and the probability the model gave such a move beforehand
          </span>
        </caption>
        <thead className="text-xs uppercase tracking-wider text-slate-400">
          <tr>
            <th scope="col" className={`${TH} text-left`}>
              Time (UTC)
            </th>
            <th scope="col" className={`${TH} text-left`}>
              Market
            </th>
            <th scope="col" className={`${TH} text-left`}>
              Window
            </th>
            <th scope="col" className={`${TH} text-right`}>
              Move before the loss
            </th>
            <th scope="col" className={`${TH} text-right`}>
              Model&apos;s probability beforehand
            </th>
            <th scope="col" className={`${TH} text-left`}>
              As a frequency
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-800">
          {losses.length === 0 ? (
            <tr>
              <td colSpan={6} className="px-3 py-4 text-center text-slate-400">
                No loss has reached the backstop.
              </td>
            </tr>
          ) : null}
          {losses.map((loss) => {
            const rows: (LossMove | null)[] = loss.moves.length > 0 ? loss.moves : [null];
            return rows.map((move, i) => (
              <tr
                key={`${loss.lossId}|${move?.horizonHours ?? 0}`}
                data-testid="backtest-loss-row"
                data-loss-id={loss.lossId}
                data-horizon={move?.horizonHours ?? ''}
                data-move={move?.move ?? ''}
                data-probability={move?.probability ?? ''}
              >
                {i === 0 ? (
                  <>
                    <th
                      scope="row"
                      rowSpan={rows.length}
                      className="figure px-3 py-1.5 text-left font-normal whitespace-nowrap text-slate-300"
                    >
                      {utc(loss.timestamp).slice(0, 16)}
                    </th>
                    <td rowSpan={rows.length} className="px-3 py-1.5 text-slate-200">
                      {loss.market}
                    </td>
                  </>
                ) : null}
                {move ? (
                  <>
                    <td className="px-3 py-1.5 text-slate-300">
                      {move.horizonHours === 1 ? 'hour before' : '24 h before'}
                    </td>
                    <td className={`figure px-3 py-1.5 text-right ${move.move < 0 ? 'text-rose-300' : 'text-sky-300'}`}>
                      {formatMove(move.move)}
                    </td>
                    <td className="figure px-3 py-1.5 text-right text-slate-200">
                      {formatProbability(move.probability)}
                    </td>
                    <td className="px-3 py-1.5 text-slate-300">{formatFrequency(move.perYear)}</td>
                  </>
                ) : (
                  <td colSpan={4} className="px-3 py-1.5 text-slate-400">
                    Too little oracle history before this loss for the model to have said anything.
                  </td>
                )}
              </tr>
            ));
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
