'use client';

import { formatAmount } from '@/lib/format/amount';
import type { CooldownPhase } from '@/lib/tranches/cooldownPhase';
import { formatDuration } from '@/lib/tranches/duration';
import { LocalTime } from '@/components/ui/LocalTime';

/** The exit request in words, with a countdown on the chain's clock and what the request can pay or forfeit. */
export function CooldownStatus({
  phase,
  now,
  shareDecimals,
  shareSymbol,
  assetDecimals,
  assetSymbol,
  windowSeconds,
  calendarHref,
}: {
  phase: CooldownPhase;
  now: number;
  shareDecimals: number;
  shareSymbol: string;
  assetDecimals: number;
  assetSymbol: string;
  windowSeconds: number;
  /** The window as a calendar file (app/(wallet)/tranches/[id]/window.ics). */
  calendarHref: string;
}) {
  if (phase.kind === 'none') {
    return (
      <p className="text-sm text-slate-400" data-testid="cooldown-status" data-phase="none">
        No withdrawal request. Request a cooldown first; withdrawals open when it ends and stay open for{' '}
        {formatDuration(windowSeconds)}.
      </p>
    );
  }
  const shares = formatAmount(phase.shares, shareDecimals, { fractionDigits: 4, unit: shareSymbol });
  const money = (v: bigint) => formatAmount(v, assetDecimals, { unit: assetSymbol });
  const cap = (
    <span className="mt-1 block text-slate-400">
      The request pays at most{' '}
      <span
        className="figure text-slate-200"
        data-testid="cooldown-request-value"
        data-raw={phase.requestValue.toString()}
      >
        {money(phase.requestValue)}
      </span>
      : the shares&apos; value when you asked, less the tranche&apos;s losses since. What they earn while they wait
      stays with the tranche.
    </span>
  );
  const calendar = (
    <a
      href={calendarHref}
      download
      className="mt-1 block text-amber-300 underline hover:text-amber-200"
      data-testid="cooldown-calendar"
    >
      Add the window to your calendar (.ics, with reminders when it opens and a day before it closes)
    </a>
  );
  if (phase.kind === 'cooling') {
    return (
      <p className="text-sm text-slate-200" data-testid="cooldown-status" data-phase="cooling" aria-live="polite">
        <span className="figure">{shares}</span> in cooldown. Withdrawals open in{' '}
        <strong className="figure" data-testid="cooldown-countdown">
          {formatDuration(phase.cooldownEnd - now)}
        </strong>{' '}
        (at <LocalTime unix={phase.cooldownEnd} />) and close at <LocalTime unix={phase.windowEnd} />.{cap}
        {calendar}
      </p>
    );
  }
  if (phase.kind === 'open') {
    return (
      <p className="text-sm text-emerald-300" data-testid="cooldown-status" data-phase="open" aria-live="polite">
        Your window is open: withdraw up to <span className="figure">{shares}</span> within the next{' '}
        <strong className="figure">{formatDuration(phase.windowEnd - now)}</strong> (until{' '}
        <LocalTime unix={phase.windowEnd} />
        ).
        {cap}
        {calendar}
      </p>
    );
  }
  return (
    <p className="text-sm text-amber-200" data-testid="cooldown-status" data-phase="lapsed" role="status">
      Your request for <span className="figure">{shares}</span> lapsed {formatDuration(now - phase.windowEnd)} ago: its
      window closed at <LocalTime unix={phase.windowEnd} />. Request a new cooldown to withdraw.
      {phase.forfeitable > 0n ? (
        <span className="mt-1 block">
          A new request, a cancel or moving these shares first forfeits{' '}
          <span className="figure" data-testid="cooldown-forfeit-lapsed" data-raw={phase.forfeitable.toString()}>
            {money(phase.forfeitable)}
          </span>
          : the premium they earned while the request lived (what they earned after it lapsed stays yours).
        </span>
      ) : null}
    </p>
  );
}
