import { formatAmount } from '@/lib/format/amount';
import { plainLabel, protocolLabel } from '@/lib/format/protocolName';
import type { IndexedLoss } from '@/lib/indexer/schema';
import { ScrollRegion } from '@/components/ui/ScrollRegion';
import { LocalTime } from '@/components/ui/LocalTime';

const num = 'figure px-3 py-2 text-right';

/**
 * Every loss event the indexer saw, newest first: what it cost, where it came from (a liquidation's shortfall the
 * clearinghouse passed on, or a tranche's strategy losing value) and which tranche paid.
 */
export function LossTable({
  losses,
  decimals,
  symbol,
  explorerUrl,
}: {
  losses: readonly IndexedLoss[];
  decimals: number;
  symbol: string;
  explorerUrl: string | null;
}) {
  const money = (raw: string) => formatAmount(BigInt(raw), decimals);
  return (
    <ScrollRegion label="Loss events table" className="rounded-xl border border-slate-800 bg-slate-900/40">
      <table className="w-full min-w-[64rem] text-sm" data-testid="loss-table">
        <caption className="px-4 pt-3 pb-1 text-left text-base font-medium text-slate-100">
          Loss events <span className="text-sm font-normal text-slate-400">— amounts in {symbol}</span>
        </caption>
        <thead className="text-xs uppercase tracking-wider text-slate-400">
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              Time
            </th>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              Source
            </th>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              Protocol
            </th>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              Market
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Shortfall ({symbol})
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Junior paid
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Mezzanine paid
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Senior paid
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Deficit ({symbol})
            </th>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              Transaction
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-800">
          {losses.length === 0 ? (
            <tr>
              <td colSpan={10} className="px-3 py-6 text-center text-slate-400">
                No loss has reached the backstop.
              </td>
            </tr>
          ) : null}
          {losses.map((loss) => (
            <tr key={loss.lossId} data-testid="loss-row" data-loss-id={loss.lossId} data-tx={loss.transactionHash}>
              <td className="figure px-3 py-2 whitespace-nowrap text-slate-300">
                <LocalTime unix={loss.timestamp} />
              </td>
              <td className="px-3 py-2 text-slate-200" data-testid="loss-source" data-source={sourceOf(loss)}>
                {sourceOf(loss) === 'strategy' ? (
                  <>
                    Strategy loss
                    {loss.strategy ? (
                      <span className="ml-1 font-mono text-xs text-slate-400" title={loss.strategy}>
                        {shortAddress(loss.strategy)}
                      </span>
                    ) : null}
                  </>
                ) : (
                  'Liquidation'
                )}
              </td>
              <td
                className="px-3 py-2 text-slate-200"
                data-testid="loss-protocol"
                data-protocol-id={loss.protocolId ?? ''}
              >
                {sourceOf(loss) === 'strategy' ? '—' : protocolLabel(loss.protocol, loss.protocolId ?? 0)}
              </td>
              <td className="px-3 py-2 text-slate-200">
                {sourceOf(loss) === 'strategy' ? '—' : plainLabel(loss.market, 16) || `#${loss.marketId}`}
              </td>
              <td className={num} data-testid="loss-shortfall" data-raw={loss.shortfall}>
                {money(loss.shortfall)}
              </td>
              {loss.paid.map((paid, id) => (
                <td
                  key={id}
                  className={`${num} ${paid === '0' ? 'text-slate-400' : 'text-rose-300'}`}
                  data-testid={`loss-paid-${id}`}
                  data-raw={paid}
                >
                  {money(paid)}
                </td>
              ))}
              <td
                className={`${num} ${loss.deficit === '0' ? 'text-slate-400' : 'text-rose-300 font-semibold'}`}
                data-testid="loss-deficit"
                data-raw={loss.deficit}
              >
                {money(loss.deficit)}
              </td>
              <td className="px-3 py-2 font-mono text-xs">
                {explorerUrl ? (
                  <a
                    className="text-sky-300 hover:underline"
                    href={`${explorerUrl}/tx/${loss.transactionHash}`}
                    target="_blank"
                    rel="noreferrer"
                  >
                    {short(loss.transactionHash)}
                  </a>
                ) : (
                  <span className="text-slate-400" title={loss.transactionHash}>
                    {short(loss.transactionHash)}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

const short = (hash: string) => `${hash.slice(0, 10)}…${hash.slice(-6)}`;
const shortAddress = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`;
/** An indexer from before productive capital sends no source: its losses are all liquidations'. */
const sourceOf = (loss: IndexedLoss) => loss.source ?? 'clearinghouse';
