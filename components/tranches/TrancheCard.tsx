import { ChainLink } from '@/components/chains/ChainLink';
import type { ModuleView, TrancheView } from '@/lib/chain/readDashboard';
import { formatUtc } from '@/lib/tranches/duration';
import type { TrancheHistorySummary } from '@/lib/tranches/historySummary';
import { formatBps } from '@/lib/tranches/realisedApr';
import { TRANCHE_SLUGS } from '@/lib/tranches/trancheRef';
import { IncomeAprRows } from './IncomeAprRows';
import { TrancheFacts } from './TrancheFacts';

/** One tranche on the overview: live lens figures plus what its indexed history says (APR, drawdowns). */
export function TrancheCard({
  module,
  tranche,
  history,
  historyProblem,
}: {
  module: ModuleView;
  tranche: TrancheView;
  history: TrancheHistorySummary;
  historyProblem: string | null;
}) {
  const slug = TRANCHE_SLUGS[tranche.id] ?? String(tranche.id);
  const dd = history.drawdown;
  return (
    <article
      className="flex flex-col gap-4 rounded-xl border border-slate-800 bg-slate-900/60 p-5"
      data-testid={`tranche-card-${tranche.id}`}
    >
      <header>
        <h2 className="text-lg font-semibold text-slate-50">
          {tranche.name} <span className="text-sm font-normal text-slate-400">{tranche.symbol}</span>
        </h2>
      </header>
      <TrancheFacts module={module} tranche={tranche} stacked />
      <dl className="space-y-1 text-sm">
        <IncomeAprRows trancheId={tranche.id} apr={history.apr} income={history.income} />
        <div className="flex justify-between gap-4">
          <dt className="text-slate-400">Drawdown</dt>
          <dd className="figure text-right text-slate-100" data-testid={`tranche-${tranche.id}-drawdown`}>
            {dd
              ? `max ${formatBps(BigInt(dd.maxBps))}${dd.maxAt ? ` (${formatUtc(dd.maxAt).slice(0, 10)})` : ''}, now ${formatBps(BigInt(dd.currentBps))}`
              : 'n/a (no indexed history)'}
          </dd>
        </div>
      </dl>
      <p className="text-xs text-slate-400">
        APRs and drawdown: indexer samples (share price, premium and yield received)
        {history.asOf ? ` up to ${formatUtc(history.asOf)}` : ''}
        {historyProblem ? ` — ${historyProblem.replace(/\.$/, '')}` : ''}.
      </p>
      <ChainLink
        href={`/tranches/${slug}`}
        className="mt-auto rounded-lg bg-amber-500 px-4 py-2 text-center font-semibold text-ink hover:bg-amber-400"
        data-testid={`tranche-${tranche.id}-open`}
      >
        Deposit or withdraw
      </ChainLink>
    </article>
  );
}
