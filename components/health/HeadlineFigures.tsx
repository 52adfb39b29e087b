import { Amount } from '@/components/ui/Amount';
import { formatWadPercent } from '@/lib/format/ratio';
import type { HealthSnapshot } from '@/lib/health/snapshot';
import type { SolvencyStatus } from '@/lib/health/status';
import { Figure } from './Figure';
import { StatusBadge } from './StatusBadge';

const RATIO_TONE: Record<SolvencyStatus, string> = {
  healthy: 'text-emerald-300',
  warning: 'text-amber-300',
  critical: 'text-rose-300',
};

export function HeadlineFigures({ s }: { s: HealthSnapshot }) {
  const unreadable = s.unreadableProtocols.length > 0 ? s.unreadableProtocols.join(', ') : null;
  const big = (v: bigint) => (
    <Amount
      value={v}
      decimals={s.asset.decimals}
      unit={s.asset.symbol}
      unitClassName="text-sm font-normal text-slate-400"
    />
  );
  return (
    <section aria-labelledby="headline" className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="headline" className="text-lg font-semibold text-slate-100">
          Solvency
        </h2>
        <StatusBadge status={s.status} />
        <p className="text-sm text-slate-400" data-testid="thresholds">
          critical below {formatWadPercent(s.solvencyThreshold)} (the threshold) · warning below{' '}
          {formatWadPercent(s.warningBelow)} (1.25 × threshold) · healthy above
        </p>
      </div>
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Figure
          label="Backstop capital"
          value={big(s.totalCapital)}
          testId="total-capital"
          raw={s.totalCapital.toString()}
          detail="sum of the three tranches' assets"
        />
        <Figure
          label="Required capital"
          value={big(s.requiredCapital)}
          testId="required-capital"
          raw={s.requiredCapital.toString()}
          detail={
            unreadable
              ? `at least: ${unreadable} could not be read and ${s.unreadableProtocols.length > 1 ? 'are' : 'is'} left out until suspended`
              : 'Σ over covered protocols of open interest × stress loss rate'
          }
        />
        <Figure
          label="Solvency ratio"
          value={formatWadPercent(s.solvencyRatio)}
          testId="solvency-ratio"
          raw={s.solvencyRatio.toString()}
          accent={RATIO_TONE[s.status]}
          detail={`${unreadable ? 'at most: ' : ''}capital ÷ required · threshold ${formatWadPercent(s.solvencyThreshold)}`}
        />
        <Figure
          label="Coverage of open interest"
          value={s.coverage === null ? 'no open interest' : formatWadPercent(s.coverage)}
          testId="coverage"
          raw={s.coverage?.toString() ?? ''}
          detail={
            <>
              capital ÷ <Amount value={s.openInterestNotional} decimals={s.asset.decimals} unit={s.asset.symbol} />{' '}
              total OI notional
            </>
          }
        />
      </dl>
    </section>
  );
}
