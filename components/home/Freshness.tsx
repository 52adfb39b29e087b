import { formatAge, formatElapsed } from '@/lib/format/age';

/** Which block the figures come from, how old it is, and whether the live refresh is keeping up. */
export function Freshness({
  blockNumber,
  blockTimestamp,
  updatedAt,
  now,
  refreshError,
}: {
  blockNumber: bigint;
  blockTimestamp: bigint;
  updatedAt: number;
  now: number;
  refreshError: string | null;
}) {
  const blockAge = Math.floor(now / 1000) - Number(blockTimestamp);
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-400" aria-live="polite">
      <span className="flex items-center gap-2">
        <span
          aria-hidden
          className={`inline-block h-2 w-2 rounded-full ${refreshError ? 'bg-amber-400' : 'bg-emerald-400'}`}
        />
        <span>
          block{' '}
          <span className="figure text-slate-200" data-testid="block-number" data-raw={blockNumber.toString()}>
            {`#${blockNumber.toString()}`}
          </span>
          {' · '}
          <span className="figure" data-testid="block-age">
            {formatAge(blockAge)}
          </span>
        </span>
      </span>
      <span className="figure" data-testid="data-updated">
        refreshed {formatElapsed(updatedAt, now)}
      </span>
    </div>
  );
}
