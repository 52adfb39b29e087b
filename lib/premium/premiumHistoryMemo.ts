import { premiumHistory, type PremiumHistoryPoint } from './premiumHistory';

type Args = Parameters<typeof premiumHistory>;

let last: { key: string; points: PremiumHistoryPoint[] } | null = null;

/**
 * premiumHistory for the server's pages, computed again only when a new sample or premium day arrives (hourly on
 * the local chain): a few hundred milliseconds of model runs, not one per visitor.
 */
export function memoPremiumHistory(...[samples, premiumDays, now]: Args): PremiumHistoryPoint[] {
  const lastSample = samples.at(-1);
  const lastDay = premiumDays.at(-1);
  const key = [
    samples.length,
    lastSample?.blockNumber ?? '',
    premiumDays.length,
    lastDay?.timestamp ?? '',
    lastDay?.byTranche.join(',') ?? '',
    now.markets.map((m) => `${m.id}:${m.maintenanceMarginRate}:${m.liquidationImpact}:${m.liquidityDepth}`).join(';'),
  ].join('|');
  if (last?.key !== key) last = { key, points: premiumHistory(samples, premiumDays, now) };
  return last.points;
}
