import { memoLatest } from './memoLatest';
import { premiumHistory } from './premiumHistory';
import { tranchePremiumSummaries } from './premiumSummary';

const lastDayKey = (days: readonly { timestamp: number; byTranche: readonly string[] }[] | null) =>
  days ? `${days.length}:${days.at(-1)?.timestamp ?? ''}:${days.at(-1)?.byTranche.join(',') ?? ''}` : 'none';

/**
 * premiumHistory for the server's pages, computed again only when a new sample or premium day arrives (hourly on
 * the local chain): a few hundred milliseconds of model runs, not one per visitor.
 */
export const memoPremiumHistory = memoLatest(
  (...[samples, premiumDays, now]: Parameters<typeof premiumHistory>) =>
    [
      samples.length,
      samples.at(-1)?.blockNumber ?? '',
      lastDayKey(premiumDays),
      now.markets.map((m) => `${m.id}:${m.maintenanceMarginRate}:${m.liquidationImpact}:${m.liquidityDepth}`).join(';'),
    ].join('|'),
  premiumHistory,
);

/**
 * tranchePremiumSummaries for /api/health and the pages: its analytic model run (about 3 ms) once per block, sample
 * or premium day, not on every request of an endpoint that serves a thousand a second.
 */
export const memoTranchePremiumSummaries = memoLatest(
  (...[lens, samples, premiumDays]: Parameters<typeof tranchePremiumSummaries>) =>
    [
      lens.blockNumber,
      samples ? `${samples.length}:${samples.at(-1)?.timestamp ?? ''}` : 'none',
      lastDayKey(premiumDays),
    ].join('|'),
  tranchePremiumSummaries,
);
