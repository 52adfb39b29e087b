import Link from 'next/link';
import { SourceNotices } from '@/components/sources/SourceNotices';
import { Amount } from '@/components/ui/Amount';
import { formatAge } from '@/lib/format/age';
import { formatWadPercent } from '@/lib/format/ratio';
import type { CombinedFigures } from '@/lib/health/combined';
import type { HealthSnapshot } from '@/lib/health/snapshot';
import { blockOld } from '@/lib/sources/describe';
import type { ChainReading, ChainsHealth } from '@/lib/sources/loaders/loadChains';
import { describedStatus, failureOf } from '@/lib/sources/status';
import { Figure } from './Figure';
import { StatusBadge } from './StatusBadge';

const chainLabel = (c: { chainName: string; chainId: number }) => `${c.chainName} (chain ${c.chainId})`;

/**
 * /health with several chains configured: the combined backstop, then each chain's own figures and freshness. A chain
 * that is down keeps its row with its last good figures and their age, and is left out of the combined figures, which
 * then say they are partial. Server-rendered; the outage banners re-render the page until the chain answers again.
 */
export function ChainsSection({
  health,
  now,
  refreshSeconds,
}: {
  health: ChainsHealth;
  now: number;
  refreshSeconds: number;
}) {
  const [defaultChain, ...others] = health.chains;
  // The default chain's outage already has the page's own banner above.
  const notices = others.map((c) => ({
    ...describedStatus(c.status, c.snapshot ? blockOld(c.snapshot.blockNumber, c.snapshot.blockTimestamp, now) : null),
    source: `Chain RPC of ${chainLabel(c)}`,
  }));
  const byId = new Map(health.chains.map((c) => [c.chainId, c]));
  return (
    <section aria-labelledby="chains" className="space-y-4" data-testid="chains-section">
      <div>
        <h2 id="chains" className="text-lg font-semibold text-slate-100">
          Across {health.chains.length} chains
        </h2>
        <p className="mt-1 text-sm text-slate-400">
          One backstop per chain, each read with its own lens call. Combined: the sums of the chains that answer now,
          and the solvency of those sums. Everything below this section is the default chain&apos;s:{' '}
          {defaultChain ? chainLabel(defaultChain) : null}.
        </p>
      </div>
      <SourceNotices sources={notices} now={now} refreshSeconds={refreshSeconds} />
      <CombinedFiguresView
        combined={health.combined}
        nameOf={(id) => (byId.get(id) ? chainLabel(byId.get(id)!) : `chain ${id}`)}
      />
      <ChainsTable chains={health.chains} now={now} />
    </section>
  );
}

function CombinedFiguresView({ combined, nameOf }: { combined: CombinedFigures; nameOf: (chainId: number) => string }) {
  const partial = combined.partial ? (
    <p className="text-sm text-amber-200" data-testid="combined-partial" data-missing={combined.missing.join(',')}>
      Partial: {combined.missing.map(nameOf).join(', ')} {combined.missing.length === 1 ? 'is' : 'are'} not answering
      and left out of these sums.
    </p>
  ) : null;
  if (!combined.ok) {
    return (
      <div className="space-y-2" data-testid="combined" data-partial={combined.partial}>
        <p className="rounded-xl border border-slate-800 p-4 text-slate-400">{combined.problem}</p>
        {partial}
      </div>
    );
  }
  const big = (v: bigint) => (
    <Amount
      value={v}
      decimals={combined.asset.decimals}
      unit={combined.asset.symbol}
      unitClassName="text-sm font-normal text-slate-400"
    />
  );
  return (
    <div className="space-y-2" data-testid="combined" data-partial={combined.partial}>
      <div className="flex flex-wrap items-center gap-3">
        <h3 className="font-semibold text-slate-200">Combined</h3>
        <StatusBadge status={combined.status} />
        <p className="text-sm text-slate-400">
          {combined.counted.length} of {combined.counted.length + combined.missing.length} chains · judged against the
          strictest threshold, {formatWadPercent(combined.solvencyThreshold)}
        </p>
      </div>
      {partial}
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Figure
          label="Combined capital"
          value={big(combined.totalCapital)}
          testId="combined-capital"
          raw={combined.totalCapital.toString()}
          detail="Σ each chain's tranche assets"
        />
        <Figure
          label="Combined required capital"
          value={big(combined.requiredCapital)}
          testId="combined-required"
          raw={combined.requiredCapital.toString()}
          detail="Σ each chain's required capital"
        />
        <Figure
          label="Combined solvency"
          value={formatWadPercent(combined.solvencyRatio)}
          testId="combined-solvency"
          raw={combined.solvencyRatio.toString()}
          detail="Σ capital ÷ Σ required"
        />
        <Figure
          label="Combined exposure"
          value={big(combined.openInterestNotional)}
          testId="combined-exposure"
          raw={combined.openInterestNotional.toString()}
          detail="Σ open-interest notional, long + short"
        />
      </dl>
    </div>
  );
}

function ChainsTable({ chains, now }: { chains: ChainReading[]; now: number }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-800">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Each chain&apos;s backstop, with the block its figures come from</caption>
        <thead className="text-xs uppercase tracking-wider text-slate-400">
          <tr>
            <th scope="col" className="px-4 py-2">
              Chain
            </th>
            <th scope="col" className="px-4 py-2">
              State
            </th>
            <th scope="col" className="px-4 py-2 text-right">
              Capital
            </th>
            <th scope="col" className="px-4 py-2 text-right">
              Required capital
            </th>
            <th scope="col" className="px-4 py-2 text-right">
              Solvency
            </th>
            <th scope="col" className="px-4 py-2 text-right">
              Exposure (OI notional)
            </th>
            <th scope="col" className="px-4 py-2">
              Block · data age
            </th>
          </tr>
        </thead>
        <tbody>
          {chains.map((c) => (
            <ChainRow key={c.chainId} chain={c} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ChainRow({ chain, now }: { chain: ChainReading; now: number }) {
  const s = chain.snapshot;
  const failure = failureOf(chain.status);
  const amount = (pick: (snapshot: HealthSnapshot) => bigint, testId: string) =>
    s ? (
      <td className="figure px-4 py-2 text-right" data-testid={testId} data-raw={pick(s).toString()}>
        <Amount value={pick(s)} decimals={s.asset.decimals} unit={s.asset.symbol} />
      </td>
    ) : (
      <td className="px-4 py-2 text-right text-slate-500">—</td>
    );
  return (
    <tr className="border-t border-slate-800" data-testid={`chain-row-${chain.chainId}`} data-live={failure === null}>
      <th scope="row" className="px-4 py-2 font-medium text-slate-100">
        {chain.chainName} <span className="font-normal text-slate-400">· {chain.chainId}</span>
        {/* Its wallet pages: deposits and votes act on the chain the link names (docs/chains.md). */}
        <span className="block text-xs font-normal">
          <Link
            href={`/tranches?chain=${chain.chainId}`}
            className="text-amber-300 underline hover:text-amber-200"
            data-testid="chain-tranches-link"
          >
            tranches
          </Link>{' '}
          ·{' '}
          <Link
            href={`/governance?chain=${chain.chainId}`}
            className="text-amber-300 underline hover:text-amber-200"
            data-testid="chain-governance-link"
          >
            governance
          </Link>
        </span>
      </th>
      <td className="px-4 py-2" data-testid="chain-state">
        {failure ? (
          <span className="text-amber-200">
            {failure.state === 'stale'
              ? `down, last good figures read ${formatAge(Math.floor(failure.ageMs / 1000))}`
              : 'down, never read'}
          </span>
        ) : s ? (
          <StatusBadge status={s.status} />
        ) : null}
      </td>
      {amount((x) => x.totalCapital, 'chain-capital')}
      {amount((x) => x.requiredCapital, 'chain-required')}
      <td
        className="figure px-4 py-2 text-right"
        data-testid="chain-solvency"
        data-raw={s?.solvencyRatio.toString() ?? ''}
      >
        {s ? formatWadPercent(s.solvencyRatio) : '—'}
      </td>
      {amount((x) => x.openInterestNotional, 'chain-exposure')}
      <td
        className="figure px-4 py-2 text-slate-400"
        data-testid="chain-block"
        data-raw={s?.blockNumber.toString() ?? ''}
      >
        {s ? `#${s.blockNumber.toString()} · ${formatAge(Math.floor(now / 1000) - s.blockTimestamp)}` : '—'}
      </td>
    </tr>
  );
}
