import { averageMultiplier } from './chargedApr';
import { fairAprs } from './fairAprs';
import type { LensForRisk } from '../risk/worker/inputsPayload';

/** An indexed sample as the history reads it (lib/indexer/schema.ts, strings as the API sends them). */
export interface SampleForHistory {
  blockNumber: string;
  timestamp: number;
  tranches: readonly { id: number; totalAssets: string }[];
  markets: readonly {
    id: number;
    name: string;
    price: string;
    priceDecimals: number;
    longNotional: string;
    shortNotional: string;
  }[];
  premium?: { multiplier: string } | undefined;
}

export interface PremiumHistoryPoint {
  /** Unix seconds: the sample the point is read at (one a day). */
  t: number;
  /** By tranche id: charged APR then (the 30 days of premiums before it on its capital then, repriced at its multiplier). */
  charged: (number | null)[];
  /** By tranche id: the analytic model's fair APR on that sample's markets, capital and 30 days of prices. */
  fair: (number | null)[];
}

const DAY = 86_400;
const WINDOW = 30 * DAY;
const YEAR = 365 * DAY;

/** Below this share of its largest capital in the history, a tranche's APRs are left out (null). */
export const THIN_CAPITAL_SHARE = 0.01;

/**
 * Charged and fair APR over time, one point a day from the first day with a month of history behind it: what the
 * premium panel's chart draws. Market parameters the samples do not carry (margins, impact, depth) are today's. A
 * tranche all but emptied (a wiped Junior) has no meaningful APR: premium or loss over almost no capital reads in
 * the hundred-thousands of percent, so while its capital is under THIN_CAPITAL_SHARE of its largest both are null.
 */
export function premiumHistory(
  samples: readonly SampleForHistory[],
  premiumDays: readonly { timestamp: number; byTranche: readonly string[] }[],
  now: Pick<LensForRisk, 'module' | 'markets'> & { tranches: readonly { id: number; name: string }[] },
): PremiumHistoryPoint[] {
  if (samples.length === 0) return [];
  const first = samples[0]!.timestamp;
  const points: PremiumHistoryPoint[] = [];
  let next = first + WINDOW;
  const largest = new Map<number, bigint>();
  for (const s of samples) {
    for (const t of s.tranches) {
      const c = BigInt(t.totalAssets);
      if (c > (largest.get(t.id) ?? 0n)) largest.set(t.id, c);
    }
  }
  const multipliers = samples.flatMap((s) =>
    s.premium ? [{ timestamp: s.timestamp, multiplier: BigInt(s.premium.multiplier) }] : [],
  );
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i]!;
    const last = i === samples.length - 1;
    if (s.timestamp < next && !last) continue;
    next = s.timestamp + DAY;
    points.push(pointAt(samples, i, premiumDays, multipliers, now, largest));
  }
  return points;
}

function pointAt(
  samples: readonly SampleForHistory[],
  index: number,
  premiumDays: readonly { timestamp: number; byTranche: readonly string[] }[],
  multipliers: readonly { timestamp: number; multiplier: bigint }[],
  now: Pick<LensForRisk, 'module' | 'markets'> & { tranches: readonly { id: number; name: string }[] },
  largest: ReadonlyMap<number, bigint>,
): PremiumHistoryPoint {
  const s = samples[index]!;
  const t = s.timestamp;
  const ids = [...now.tranches].map((x) => x.id).sort((a, b) => a - b);
  const capital = ids.map((id) => BigInt(s.tranches.find((x) => x.id === id)?.totalAssets ?? '0'));
  const paid = ids.map(() => 0n);
  for (const d of premiumDays) {
    if (d.timestamp <= t - WINDOW || d.timestamp > t) continue;
    ids.forEach((id, k) => (paid[k] = paid[k]! + BigInt(d.byTranche[id] ?? '0')));
  }
  const m = s.premium ? BigInt(s.premium.multiplier) : null;
  const average = m !== null ? averageMultiplier(multipliers, t - WINDOW, t, m) : null;
  const reprice = m !== null && average !== null && average > 0n ? Number(m) / Number(average) : 1;
  const charged = capital.map((c, k) => (c > 0n ? (Number(paid[k]!) / Number(c)) * (YEAR / WINDOW) * reprice : null));

  const lens: LensForRisk = {
    blockNumber: BigInt(s.blockNumber),
    timestamp: BigInt(t),
    module: now.module,
    markets: now.markets.flatMap((m) => {
      const at = s.markets.find((x) => BigInt(x.id) === m.id);
      return at
        ? [
            {
              ...m,
              price: BigInt(at.price),
              priceDecimals: at.priceDecimals,
              priceUpdatedAt: BigInt(t),
              longNotional: BigInt(at.longNotional),
              shortNotional: BigInt(at.shortNotional),
            },
          ]
        : [];
    }),
    tranches: ids.map((id, k) => ({ id, name: now.tranches.find((x) => x.id === id)!.name, totalAssets: capital[k]! })),
  };
  let fair: (number | null)[];
  try {
    const from = t - WINDOW;
    const window = samples.slice(0, index + 1).filter((x) => x.timestamp >= from);
    fair = fairAprs(lens, window);
  } catch {
    fair = ids.map(() => null);
  }
  const thin = ids.map((id, k) => Number(capital[k]!) < Number(largest.get(id) ?? 0n) * THIN_CAPITAL_SHARE);
  return {
    t,
    charged: charged.map((x, k) => (thin[k] ? null : x)),
    fair: fair.map((x, k) => (thin[k] ? null : x)),
  };
}
