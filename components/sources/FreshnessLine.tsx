import { formatAge, formatElapsed } from '@/lib/format/age';
import { LocalTime } from '@/components/ui/LocalTime';

type Refresh =
  /** Server-rendered figures (/health): the block's time, and how often the server re-reads. */
  | { serverRefreshSeconds: number }
  /** Figures the browser keeps live (home): when they last arrived, and whether the latest poll failed. */
  | { updatedAt: number; failing: boolean };

/** Which block the figures come from, how old that block is, and how they are kept fresh. */
export function FreshnessLine({
  blockNumber,
  blockTimestamp,
  now,
  refresh,
}: {
  blockNumber: bigint;
  blockTimestamp: number;
  now: number;
  refresh: Refresh;
}) {
  const blockAge = Math.floor(now / 1000) - blockTimestamp;
  const block = (
    <span className="figure text-slate-200" data-testid="block-number" data-raw={blockNumber.toString()}>
      {`#${blockNumber.toString()}`}
    </span>
  );
  if ('updatedAt' in refresh) {
    return (
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-400" aria-live="polite">
        <span className="flex items-center gap-2">
          <span
            aria-hidden
            className={`inline-block h-2 w-2 rounded-full ${refresh.failing ? 'bg-amber-400' : 'bg-emerald-400'}`}
          />
          <span>
            block {block}
            {' · '}
            <span className="figure" data-testid="block-age">
              {formatAge(blockAge)}
            </span>
          </span>
        </span>
        <span className="figure" data-testid="data-updated">
          refreshed {formatElapsed(refresh.updatedAt, now)}
        </span>
      </div>
    );
  }
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-400" data-testid="freshness">
      <span>block {block}</span>
      <span aria-hidden>·</span>
      <span>
        block time <LocalTime unix={blockTimestamp} seconds className="figure text-slate-300" />
      </span>
      <span aria-hidden>·</span>
      <span className="figure" data-testid="data-age" data-seconds={blockAge}>
        data age {formatAge(blockAge)}
      </span>
      <span aria-hidden>·</span>
      <span>server re-reads the chain at most every {refresh.serverRefreshSeconds} s</span>
    </p>
  );
}
