import { describe, expect, it } from 'vitest';
import { sumMetric } from './indexer';

const METRICS = `# HELP ponder_historical_completed_blocks Number of blocks that have been processed
# TYPE ponder_historical_completed_blocks gauge
ponder_historical_completed_blocks{chain="backstop",source="BackstopModule",type="log"} 812
ponder_historical_completed_blocks{chain="backstop",source="Sampler",type="block"} 640
ponder_historical_completed_blocks_total 5
ponder_sync_block{chain="backstop"} 1290
`;

describe('sumMetric', () => {
  it('adds up every label set of one metric and nothing of a metric whose name only starts the same', () => {
    expect(sumMetric(METRICS, 'ponder_historical_completed_blocks')).toBe(1452);
    expect(sumMetric(METRICS, 'ponder_sync_block')).toBe(1290);
  });

  it('is undefined for a metric Ponder does not report yet', () => {
    expect(sumMetric(METRICS, 'ponder_indexing_completed_events')).toBeUndefined();
  });
});
