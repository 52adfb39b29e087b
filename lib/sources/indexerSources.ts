import { healthSettings } from '@/lib/chain/healthSettings';
import { fetchDailyPremiums, fetchLosses, fetchSamples, fetchStewardUpdates } from '@/lib/indexer/client';
import { fetchProposals } from '@/lib/indexer/proposalsClient';
import type { IndexedProposal } from '@/lib/indexer/proposalsSchema';
import { incrementalHistory } from '@/lib/indexer/incrementalHistory';
import { fetchIndexerProgress, type IndexerProgress } from '@/lib/indexer/progress';
import type { IndexedLoss, IndexedPremiumDay, IndexedSample, IndexedStewardUpdate } from '@/lib/indexer/schema';
import { INDEXER_SOURCE } from './names';
import { errorMessage, type Source } from './source';

const ttl = () => healthSettings().refreshSeconds * 1000;
const shared = { kind: 'shared', ttlMs: ttl } as const;

/** A refresh re-reads the last hour of chain time; every 5 minutes it reads the whole history (incrementalHistory.ts). */
const SAMPLES_OVERLAP_SECONDS = 3_600;
const SAMPLES_FULL_READ_EVERY_MS = 5 * 60_000;

/**
 * Whole histories, one request each per refresh interval; ranges are cut from them in memory, so every range a
 * visitor picks costs the indexer nothing extra. The samples, the largest, are read incrementally.
 */
export function samplesSource(url: string): Source<IndexedSample[]> {
  return {
    name: INDEXER_SOURCE,
    key: `indexer.samples|${url}`,
    // Only the first source made for a key is kept (readSource.ts), so one incremental reader serves the process.
    read: incrementalHistory((from) => fetchSamples(url, from), {
      overlapSeconds: SAMPLES_OVERLAP_SECONDS,
      fullReadEveryMs: SAMPLES_FULL_READ_EVERY_MS,
    }),
    policy: shared,
    describe: errorMessage,
  };
}

export function lossesSource(url: string): Source<IndexedLoss[]> {
  return {
    name: INDEXER_SOURCE,
    key: `indexer.losses|${url}`,
    read: () => fetchLosses(url),
    policy: shared,
    describe: errorMessage,
  };
}

export function premiumsSource(url: string): Source<IndexedPremiumDay[]> {
  return {
    name: INDEXER_SOURCE,
    key: `indexer.premiums|${url}`,
    read: () => fetchDailyPremiums(url, 0),
    policy: shared,
    describe: errorMessage,
  };
}

/** The indexed proposals as events (no live states: those need the chain, per request; see governanceSources.ts). */
export function indexedProposalsSource(url: string): Source<IndexedProposal[]> {
  return {
    name: INDEXER_SOURCE,
    key: `indexer.proposals|${url}`,
    read: () => fetchProposals(url),
    policy: shared,
    describe: errorMessage,
  };
}

export function stewardUpdatesSource(url: string): Source<IndexedStewardUpdate[]> {
  return {
    name: INDEXER_SOURCE,
    key: `indexer.stewardUpdates|${url}`,
    read: () => fetchStewardUpdates(url),
    policy: shared,
    describe: errorMessage,
  };
}

/**
 * While the indexer does not answer, its progress is asked for again after a second rather than a whole refresh
 * interval: the moment it starts answering it may be mid-backfill, and the pages (whose other indexer reads can be
 * fresher than this one) must say so from then on, not up to an interval later.
 */
const PROGRESS_RETRY_WHILE_FAILING_MS = 1_000;

/** Whether the indexer has finished its backfill, and its head block: one pair of small requests per refresh. */
export function progressSource(url: string): Source<IndexerProgress> {
  return {
    name: INDEXER_SOURCE,
    key: `indexer.progress|${url}`,
    read: () => fetchIndexerProgress(url),
    policy: {
      kind: 'shared',
      ttlMs: (failing) => (failing ? Math.min(PROGRESS_RETRY_WHILE_FAILING_MS, ttl()) : ttl()),
    },
    describe: errorMessage,
  };
}
