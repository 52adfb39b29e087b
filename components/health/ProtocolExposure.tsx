import { Amount } from '@/components/ui/Amount';
import { ScrollRegion } from '@/components/ui/ScrollRegion';
import { formatWadPercent } from '@/lib/format/ratio';
import type { HealthSnapshot } from '@/lib/health/snapshot';

const num = 'figure px-4 py-3 text-right';
const head = 'px-4 py-2 text-right font-medium';

/** "removed", "suspended", "unreadable": what a row's protocol is, beside its id. */
function stateWords(p: HealthSnapshot['protocols'][number]): string {
  const words = [!p.active ? 'removed' : p.suspended ? 'suspended' : null, p.readable ? null : 'unreadable'];
  return words
    .filter(Boolean)
    .map((w) => ` · ${w}`)
    .join('');
}

/**
 * Where required capital comes from: each covered protocol's exposure (Σ its open interest × its stress loss rates)
 * against its cap, and the same exposure grouped by the underlying asset of every protocol's markets.
 */
export function ProtocolExposure({ s }: { s: HealthSnapshot }) {
  const { symbol, decimals } = s.asset;
  const money = (v: bigint) => <Amount value={v} decimals={decimals} unit={symbol} />;
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <ScrollRegion label="Exposure by protocol table" className="rounded-xl border border-slate-800 bg-slate-900/40">
        <table className="w-full min-w-[44rem] text-sm" data-testid="protocol-exposure">
          <caption className="px-4 pt-3 pb-1 text-left text-base font-medium text-slate-100">
            Exposure by protocol{' '}
            <span className="text-sm font-normal text-slate-400">— every covered protocol draws on one waterfall</span>
          </caption>
          <thead className="text-xs uppercase tracking-wider text-slate-400">
            <tr>
              <th scope="col" className="px-4 py-2 text-left font-medium">
                Protocol
              </th>
              <th scope="col" className={head}>
                Exposure ({symbol})
              </th>
              <th scope="col" className={head}>
                Cap ({symbol})
              </th>
              <th scope="col" className={head}>
                Share of required (%)
              </th>
              <th scope="col" className={head}>
                Premium share (%)
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-800">
            {s.protocols.map((p) => (
              <tr
                key={p.id}
                data-testid={`protocol-${p.id}`}
                data-active={p.active}
                data-suspended={p.suspended}
                data-readable={p.readable}
              >
                <th scope="row" className="px-4 py-3 text-left font-medium text-slate-100">
                  <span data-testid={`protocol-${p.id}-name`}>{p.name}</span>
                  <span className="ml-2 text-xs font-normal text-slate-400" data-testid={`protocol-${p.id}-state`}>
                    #{p.id}
                    {stateWords(p)}
                  </span>
                  {p.note && (
                    <span
                      className={`mt-1 block max-w-md text-xs font-normal ${p.counted && !p.readable ? 'text-amber-300' : 'text-slate-400'}`}
                      data-testid={`protocol-${p.id}-note`}
                    >
                      {p.note}
                    </span>
                  )}
                </th>
                <td
                  className={num}
                  data-testid={`protocol-${p.id}-exposure`}
                  data-raw={p.readable ? p.exposure.toString() : ''}
                >
                  {p.readable ? money(p.exposure) : <span className="text-slate-400">unknown</span>}
                </td>
                <td className={num} data-testid={`protocol-${p.id}-cap`} data-raw={p.exposureCap?.toString() ?? ''}>
                  {p.exposureCap === null ? (
                    <span className="text-slate-400">no cap</span>
                  ) : (
                    <>
                      {money(p.exposureCap)}
                      <span className="block text-xs text-slate-400">
                        {p.capUsed === null ? 'use unknown' : `${formatWadPercent(p.capUsed)} used`}
                      </span>
                    </>
                  )}
                </td>
                <td
                  className={num}
                  data-testid={`protocol-${p.id}-share-of-required`}
                  data-raw={p.shareOfRequired.toString()}
                >
                  {formatWadPercent(p.shareOfRequired)}
                </td>
                <td className={num} data-testid={`protocol-${p.id}-premium-share`} data-raw={p.premiumShare.toString()}>
                  {formatWadPercent(p.premiumShare, 0)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>

      <ScrollRegion label="Exposure by asset table" className="rounded-xl border border-slate-800 bg-slate-900/40">
        <table className="w-full min-w-[36rem] text-sm" data-testid="asset-class-exposure">
          <caption className="px-4 pt-3 pb-1 text-left text-base font-medium text-slate-100">
            Exposure by asset{' '}
            <span className="text-sm font-normal text-slate-400">— all active protocols, suspended ones left out</span>
          </caption>
          <thead className="text-xs uppercase tracking-wider text-slate-400">
            <tr>
              <th scope="col" className="px-4 py-2 text-left font-medium">
                Asset
              </th>
              <th scope="col" className={head}>
                Open interest ({symbol})
              </th>
              <th scope="col" className={head}>
                Exposure ({symbol})
              </th>
              <th scope="col" className={head}>
                Share of required (%)
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-800">
            {s.assetClasses.map((c) => (
              <tr key={c.assetClass} data-testid={`asset-class-${c.assetClass}`}>
                <th scope="row" className="px-4 py-3 text-left font-medium text-slate-100">
                  {c.assetClass}
                  <span className="block text-xs font-normal text-slate-400">{c.markets.join(', ')}</span>
                </th>
                <td className={num}>{money(c.notional)}</td>
                <td
                  className={num}
                  data-testid={`asset-class-${c.assetClass}-exposure`}
                  data-raw={c.exposure.toString()}
                >
                  {money(c.exposure)}
                </td>
                <td className={num}>{formatWadPercent(c.shareOfRequired)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
