import type { IncomeApr } from '@/lib/tranches/incomeApr';
import { formatBps, type RealisedApr } from '@/lib/tranches/realisedApr';

/** Label, text, test id and basis points (null when n/a). */
type Row = [string, string, string, bigint | null];

/**
 * A tranche's trailing 30-day APRs from its indexed samples: the realised one (the share price: premium and strategy
 * yield, less losses) and, apart, what premium and what strategy yield each added. Rows of a `dl`.
 */
export function IncomeAprRows({
  trancheId,
  apr,
  income,
}: {
  trancheId: number;
  apr: RealisedApr | { ok: false; reason: string };
  income: IncomeApr;
}) {
  const perYear = (bps: bigint) => `${formatBps(bps)} / year`;
  const incomeRow = (label: string, id: string, bps: (ok: Extract<IncomeApr, { ok: true }>) => bigint): Row =>
    income.ok ? [label, perYear(bps(income)), id, bps(income)] : [label, `n/a (${income.reason})`, id, null];
  const rows: Row[] = [
    apr.ok
      ? ['Realised APR, trailing 30 d (share price, incl. yield)', perYear(apr.aprBps), 'apr', apr.aprBps]
      : ['Realised APR, trailing 30 d (share price, incl. yield)', `n/a (${apr.reason})`, 'apr', null],
    incomeRow('Premium APR, trailing 30 d', 'premium-apr', (i) => i.premiumBps),
    incomeRow('Yield APR, trailing 30 d', 'yield-apr', (i) => i.yieldBps),
  ];
  return (
    <>
      {rows.map(([label, value, id, raw]) => (
        <div key={id} className="flex justify-between gap-4">
          <dt className="text-slate-400">{label}</dt>
          <dd
            className="figure text-right text-slate-100"
            data-testid={`tranche-${trancheId}-${id}`}
            data-raw={raw?.toString()}
          >
            {value}
          </dd>
        </div>
      ))}
    </>
  );
}
