import { formatAge } from '@/lib/format/age';

/** Which block the figures come from, how old that block is, and how often the server re-reads. */
export function FreshnessLine({
  blockNumber,
  blockTimestamp,
  now,
  refreshSeconds,
}: {
  blockNumber: bigint;
  blockTimestamp: number;
  now: number;
  refreshSeconds: number;
}) {
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-400" data-testid="freshness">
      <span>
        block{' '}
        <span className="figure text-slate-200" data-testid="block-number" data-raw={blockNumber.toString()}>
          #{blockNumber.toString()}
        </span>
      </span>
      <span aria-hidden>·</span>
      <span>
        block time{' '}
        <time className="figure text-slate-300" dateTime={new Date(blockTimestamp * 1000).toISOString()}>
          {new Date(blockTimestamp * 1000).toISOString().replace('T', ' ').slice(0, 19)} UTC
        </time>
      </span>
      <span aria-hidden>·</span>
      <span className="figure" data-testid="data-age" data-seconds={Math.floor(now / 1000) - blockTimestamp}>
        data age {formatAge(Math.floor(now / 1000) - blockTimestamp)}
      </span>
      <span aria-hidden>·</span>
      <span>server re-reads the chain at most every {refreshSeconds} s</span>
    </p>
  );
}
