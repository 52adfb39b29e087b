import type { IncomeApr } from '@/lib/tranches/incomeApr';
import type { RealisedApr } from '@/lib/tranches/realisedApr';
import { formatUtc } from '@/lib/tranches/duration';
import { IncomeAprRows } from './IncomeAprRows';

/**
 * What the tranche earned over the trailing 30 days, from the indexer: the realised APR and, apart, premium and
 * strategy yield. Server HTML: no wallet or chart code.
 */
export function TrancheIncomeSection({
  trancheId,
  apr,
  income,
  asOf,
  unavailable,
}: {
  trancheId: number;
  apr: RealisedApr;
  income: IncomeApr;
  asOf: number | null;
  /** Why there is no indexed history, if there is none. */
  unavailable: string | null;
}) {
  return (
    <section
      className="rounded-xl border border-slate-800 bg-slate-900/60 p-5"
      aria-labelledby="tranche-income-title"
      data-testid="tranche-income"
    >
      <h2 id="tranche-income-title" className="mb-2 text-lg font-medium text-slate-50">
        Earnings: premium and yield
      </h2>
      {unavailable ? (
        <p className="text-sm text-amber-200">Earnings unavailable: {unavailable}</p>
      ) : (
        <>
          <dl className="space-y-1 text-sm">
            <IncomeAprRows trancheId={trancheId} apr={apr} income={income} />
          </dl>
          <p className="mt-2 text-xs text-slate-400" data-testid="tranche-income-age">
            % a year, simple, trailing 30 days, from indexer samples
            {asOf !== null ? ` up to ${formatUtc(asOf)}` : ''}. Premium and yield are counted when booked (each then
            vests over the premium vesting period); the realised APR follows the share price, net of losses.
          </p>
        </>
      )}
    </section>
  );
}
