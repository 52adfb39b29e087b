import type { IndexedStewardUpdate } from '@/lib/indexer/schema';
import type { CurveNow, TranchePremiumSummary } from '@/lib/premium/premiumSummary';
import { formatUtc } from '@/lib/tranches/duration';
import { formatPct } from '@/components/risk/format';
import type { PremiumHistoryPoint } from '@/lib/premium/premiumHistory';
import { LazyPremiumHistoryChart } from './LazyPremiumHistoryChart';
import { StewardHistory } from './StewardHistory';
import { LocalTime } from '@/components/ui/LocalTime';

interface PremiumCardProps {
  /** One tranche (its page), or every tranche (/health). */
  trancheId?: number;
  tranches: { id: number; name: string }[];
  summaries: TranchePremiumSummary[];
  curve: CurveNow;
  block: { number: string; timestamp: number };
  updates: IndexedStewardUpdate[] | null;
  indexerProblem: string | null;
  /** Charged and fair APR over time (lib/premium/premiumHistory); null without the indexer. */
  history: PremiumHistoryPoint[] | null;
}

/** Charged beside fair: the premium the chain charges now, the model's fair premium, the gap, and how it got there. */
export function PremiumCard(props: PremiumCardProps) {
  const { curve, block } = props;
  const shown = props.summaries.filter((s) => props.trancheId === undefined || s.id === props.trancheId);
  const name = (id: number) => props.tranches.find((t) => t.id === id)?.name ?? `Tranche ${id}`;
  return (
    <section
      className="rounded-xl border border-slate-800 bg-slate-900/60 p-5"
      aria-labelledby="premium-title"
      data-testid="premium-panel"
    >
      <h2 id="premium-title" className="text-lg font-semibold text-slate-100">
        Premium: charged and fair
      </h2>
      <p className="mb-3 text-xs text-slate-400" data-testid="premium-freshness">
        Chain figures as of block {block.number} (<LocalTime unix={block.timestamp} />
        ); charged APR from the last 30 days of premiums on today&apos;s capital, repriced at the multiplier in force;
        fair APR from the risk model&apos;s analytic quote on the same block.
      </p>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Charged and fair premium APR by tranche, as % of capital per year</caption>
        <thead className="text-xs text-slate-400">
          <tr>
            <th scope="col" className="py-1 pr-3 font-normal">
              Tranche
            </th>
            <th scope="col" className="py-1 pr-3 text-right font-normal">
              Charged APR now
            </th>
            <th scope="col" className="py-1 pr-3 text-right font-normal">
              Charged, as paid (30 d)
            </th>
            <th scope="col" className="py-1 pr-3 text-right font-normal">
              Fair APR (model)
            </th>
            <th scope="col" className="py-1 text-right font-normal">
              Gap (charged − fair)
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((s) => (
            <tr key={s.id} className="border-t border-slate-800" data-testid={`premium-row-${s.id}`}>
              <th scope="row" className="py-1 pr-3 font-normal text-slate-200">
                {name(s.id)}
              </th>
              <td
                className="figure py-1 pr-3 text-right text-slate-50"
                data-testid={`charged-apr-${s.id}`}
                data-value={s.chargedNow ?? ''}
              >
                {s.chargedNow === null ? '— (no capital or no premiums indexed)' : formatPct(s.chargedNow)}
              </td>
              <td
                className="figure py-1 pr-3 text-right text-slate-300"
                data-testid={`charged-trailing-apr-${s.id}`}
                data-value={s.chargedTrailing ?? ''}
              >
                {s.chargedTrailing === null ? '—' : formatPct(s.chargedTrailing)}
              </td>
              <td
                className="figure py-1 pr-3 text-right text-slate-300"
                data-testid={`fair-apr-${s.id}`}
                data-value={s.fair ?? ''}
              >
                {s.fair === null ? '— (model unavailable)' : formatPct(s.fair)}
              </td>
              <td
                className={`figure py-1 text-right ${s.gap === null ? 'text-slate-400' : s.gap < 0 ? 'text-rose-300' : 'text-emerald-300'}`}
                data-testid={`premium-gap-${s.id}`}
              >
                {s.gap === null ? '—' : `${s.gap >= 0 ? '+' : '−'}${formatPct(Math.abs(s.gap))} points`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2" data-testid="premium-curve">
        <Row
          label="Backstop utilisation priced in (required ÷ capital)"
          id="premium-utilisation"
          value={formatPct(curve.utilisation)}
          detail={curve.utilisationAt > 0 ? `measured ${formatUtc(curve.utilisationAt)}` : 'not measured yet'}
          raw={curve.utilisation}
        />
        <Row
          label="Utilisation at this block"
          id="premium-live-utilisation"
          value={formatPct(curve.liveUtilisation)}
          raw={curve.liveUtilisation}
        />
        <Row
          label="Premium multiplier (curve × volatility)"
          id="premium-multiplier"
          value={`×${curve.multiplier.toFixed(3)}`}
          raw={curve.multiplier}
        />
        <Row
          label="Volatility input (annualised)"
          id="premium-volatility"
          value={formatPct(curve.volatility, 1)}
          detail={`curve quoted at ${formatPct(curve.referenceVolatility, 1)}`}
          raw={curve.volatility}
        />
        {curve.markets.map((m) => (
          <Row
            key={m.name}
            label={`${m.name} premium per side, of notional`}
            id={`premium-rate-${m.name}`}
            value={formatPct(m.rate, 3)}
            detail={`base ${formatPct(m.baseRate, 3)}`}
            raw={m.rate}
          />
        ))}
      </dl>
      {props.indexerProblem ? (
        <p className="mt-3 text-xs text-amber-200" data-testid="premium-indexer-problem">
          The charged APR needs the indexer: {props.indexerProblem}.
        </p>
      ) : null}
      <PremiumHistory points={props.history} trancheIds={shown.map((s) => s.id)} name={name} />
      <StewardHistory updates={props.updates} hasSteward={curve.hasSteward} trancheId={props.trancheId} />
    </section>
  );
}

function PremiumHistory({
  points,
  trancheIds,
  name,
}: {
  points: PremiumHistoryPoint[] | null;
  trancheIds: number[];
  name: (id: number) => string;
}) {
  const first = points?.[0];
  const last = points?.at(-1);
  const summary =
    first && last
      ? trancheIds
          .map(
            (id) =>
              `${name(id)}: charged ${apr(first.charged[id])} → ${apr(last.charged[id])}, fair ${apr(first.fair[id])} → ${apr(last.fair[id])}`,
          )
          .join('; ') + ` (${formatUtc(first.t)} to ${formatUtc(last.t)}, one point a day).`
      : 'Not enough indexed history yet: the chart starts once a month of samples lies behind it.';
  return (
    <section className="mt-4" aria-labelledby="premium-history-title" aria-describedby="premium-history-summary">
      <h3 id="premium-history-title" className="text-sm font-semibold text-slate-200">
        Charged and fair APR over time
      </h3>
      <p className="text-xs text-slate-400">
        % of the tranche&apos;s capital per year; solid: charged (30 days of premiums, repriced at that day&apos;s
        multiplier), dashed: fair (the model on that day&apos;s markets, capital and prices)
      </p>
      <p id="premium-history-summary" className="mb-2 text-xs text-slate-400" data-testid="premium-history-summary">
        {summary}
      </p>
      {points && points.length > 0 ? (
        <div data-testid="premium-history-chart" data-points={points.length}>
          <LazyPremiumHistoryChart points={points} trancheIds={trancheIds} />
        </div>
      ) : null}
    </section>
  );
}

function apr(x: number | null | undefined): string {
  return x === null || x === undefined ? '—' : formatPct(x);
}

function Row({
  label,
  id,
  value,
  detail,
  raw,
}: {
  label: string;
  id: string;
  value: string;
  detail?: string;
  raw: number;
}) {
  return (
    <div className="flex justify-between gap-3 border-b border-slate-800/60 py-1">
      <dt className="text-slate-400">{label}</dt>
      <dd className="figure text-right text-slate-100" data-testid={id} data-value={raw}>
        {value}
        {detail ? <span className="block text-xs text-slate-400">{detail}</span> : null}
      </dd>
    </div>
  );
}

export function PremiumUnavailable({ reason }: { reason: string }) {
  return (
    <section className="rounded-xl border border-amber-900/60 bg-amber-950/20 p-5" data-testid="premium-panel">
      <h2 className="text-lg font-semibold text-slate-100">Premium: charged and fair</h2>
      <p className="mt-2 text-sm text-slate-300">The premium figures are not available: {reason}.</p>
    </section>
  );
}
