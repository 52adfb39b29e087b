import type { CatchUp } from '@/lib/indexer/progress';
import type { IndexedLoss, IndexedPremiumDay, IndexedSample } from '@/lib/indexer/schema';
import type { HealthSnapshot } from './snapshot';

/** Everything /health shows; null where its source has never answered. */
export interface HealthData {
  refreshSeconds: number;
  snapshot: HealthSnapshot | null;
  samples: IndexedSample[] | null;
  losses: IndexedLoss[] | null;
  premiums: IndexedPremiumDay[] | null;
  /** Set while the indexer is still reading the chain's history: the charts and losses are incomplete. */
  catchUp: CatchUp | null;
}
