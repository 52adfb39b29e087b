import { IndexerCatchUpNotice } from '@/components/ui/IndexerCatchUpNotice';
import type { HealthData } from '@/lib/health/readHealth';
import { FreshnessLine } from './FreshnessLine';
import { StaleBanner } from './StaleBanner';

const minutesOld = (now: number, timestamp: number) => Math.max(0, Math.round((now / 1000 - timestamp) / 60));

/** Where /health's figures come from and how fresh they are: a banner per source that is down, then the block line. */
export function SourceStatus({ data, now }: { data: HealthData; now: number }) {
  const s = data.snapshot;
  const latest = data.samples.value?.at(-1) ?? null;
  const indexerFailure = data.samples.failure ?? data.losses.failure ?? data.premiums.failure;
  return (
    <div className="space-y-2">
      {data.chain.failure ? (
        <StaleBanner source="Chain RPC" failure={data.chain.failure} now={now} refreshSeconds={data.refreshSeconds}
          shownFrom={s ? `block ${s.blockNumber}, ${minutesOld(now, s.blockTimestamp)} min old` : null} />
      ) : null}
      {indexerFailure ? (
        <StaleBanner source="History indexer" failure={indexerFailure} now={now} refreshSeconds={data.refreshSeconds}
          shownFrom={latest ? `block ${latest.blockNumber}, ${minutesOld(now, latest.timestamp)} min old` : null} />
      ) : null}
      {data.catchUp && !indexerFailure ? (
        <IndexerCatchUpNotice catchUp={data.catchUp} refreshSeconds={data.refreshSeconds}
          shows="The charts, the loss table and the premiums below stop at that block until it is done." />
      ) : null}
      {s ? <FreshnessLine blockNumber={s.blockNumber} blockTimestamp={s.blockTimestamp} now={now} refreshSeconds={data.refreshSeconds} /> : null}
    </div>
  );
}
