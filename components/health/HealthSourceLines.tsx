import { FreshnessLine } from '@/components/sources/FreshnessLine';
import { SourceNotices } from '@/components/sources/SourceNotices';
import type { HealthData } from '@/lib/health/healthData';
import type { HealthSources } from '@/lib/sources/loaders/loadHealth';

/** Where /health's figures come from and how fresh they are: the sources' notices, then the block line. */
export function HealthSourceLines({ data, sources, now }: { data: HealthData; sources: HealthSources; now: number }) {
  const s = data.snapshot;
  return (
    <div className="space-y-2">
      <SourceNotices sources={[sources.chain, sources.indexer]} now={now} refreshSeconds={data.refreshSeconds} />
      {s ? (
        <FreshnessLine
          blockNumber={s.blockNumber}
          blockTimestamp={s.blockTimestamp}
          now={now}
          refresh={{ serverRefreshSeconds: data.refreshSeconds }}
        />
      ) : null}
    </div>
  );
}
