import { compactAmount } from '@/lib/format/compactAmount';
import { formatAmount } from '@/lib/format/amount';
import { formatWadPercent } from '@/lib/format/ratio';
import type { IndexedPremiumDay, IndexedSample } from '@/lib/indexer/schema';
import { drawdownSummary } from '@/lib/tranches/drawdownSummary';
import { TRANCHE_NAMES } from '@/lib/protocol/tranches';
import type { ChartKind } from './chartKinds';
import { drawnInSample, sampleProtocols } from './series';

const day = (timestamp: number) => new Date(timestamp * 1000).toISOString().slice(0, 10);
const tranche = (s: IndexedSample, id: number) => s.tranches.find((t) => t.id === id);

/** The first item with the smallest key (ties keep the earliest), or undefined for an empty list. */
function minBy<T>(items: readonly T[], key: (item: T) => bigint | null): { item: T; value: bigint } | undefined {
  let best: { item: T; value: bigint } | undefined;
  for (const item of items) {
    const value = key(item);
    if (value !== null && (best === undefined || value < best.value)) best = { item, value };
  }
  return best;
}

const remembered = new WeakMap<readonly IndexedSample[], WeakMap<readonly IndexedPremiumDay[], Map<string, string>>>();

/** chartSummary, remembered per pair of arrays (historyInRange hands every view of a range the same ones). */
export function cachedChartSummary(
  kind: ChartKind,
  samples: readonly IndexedSample[],
  premiums: readonly IndexedPremiumDay[],
  asset: { symbol: string; decimals: number },
): string {
  let byPremiums = remembered.get(samples);
  if (!byPremiums) remembered.set(samples, (byPremiums = new WeakMap()));
  let byKey = byPremiums.get(premiums);
  if (!byKey) byPremiums.set(premiums, (byKey = new Map()));
  const key = `${kind}|${asset.symbol}|${asset.decimals}`;
  let text = byKey.get(key);
  if (text === undefined) byKey.set(key, (text = chartSummary(kind, samples, premiums, asset)));
  return text;
}

/**
 * One or two sentences that say what a chart shows for the range: where it stands now and its extreme, with units
 * and dates. The chart's accessible summary; the full text alternative is its data table and CSV. Exact integer
 * arithmetic throughout (the indexer's decimal strings as bigint).
 */
export function chartSummary(
  kind: ChartKind,
  samples: readonly IndexedSample[],
  premiums: readonly IndexedPremiumDay[],
  asset: { symbol: string; decimals: number },
): string {
  const amount = (raw: bigint) => compactAmount(raw, asset.decimals, { unit: asset.symbol }).text;
  const last = samples.at(-1);
  if (kind !== 'premiums' && !last) return 'No samples in this range yet.';

  switch (kind) {
    case 'solvency': {
      // "0" is the indexer's "nothing required": no ratio at that sample.
      const ratio = (s: IndexedSample) => (s.solvencyRatio === '0' ? null : BigInt(s.solvencyRatio));
      const low = minBy(samples, ratio);
      if (!low) return 'No capital was required in this range, so there is no ratio to show.';
      const now = ratio(last!);
      return `${now === null ? 'Nothing is required now' : `Now ${formatWadPercent(now)}`}; lowest ${formatWadPercent(low.value)} on ${day(low.item.timestamp)}.`;
    }
    case 'share-price': {
      const prices = TRANCHE_NAMES.map((name, id) => {
        const t = tranche(last!, id);
        return t ? `${name} ${formatAmount(BigInt(t.sharePrice), asset.decimals, { fractionDigits: 4 })}` : null;
      }).filter((text) => text !== null);
      return `Now, per share: ${prices.join(', ')} ${asset.symbol}.`;
    }
    case 'drawdown': {
      // Drawdowns are ≤ 0 bps: the deepest is the most negative, across tranches.
      const byTranche = TRANCHE_NAMES.map((name, id) => ({
        name,
        summary: drawdownSummary(
          samples.flatMap((s) => {
            const t = tranche(s, id);
            return t ? [{ timestamp: s.timestamp, drawdownBps: t.drawdownBps }] : [];
          }),
        ),
      }));
      const deepest = byTranche.reduce<(typeof byTranche)[number] | undefined>(
        (worst, t) => (t.summary && t.summary.maxBps < (worst?.summary?.maxBps ?? 0) ? t : worst),
        undefined,
      );
      if (!deepest?.summary || deepest.summary.maxAt === null) return 'No tranche fell below its peak in this range.';
      const now = byTranche.map((t) => `${t.name} ${bpsBelow(t.summary?.currentBps ?? 0)}`).join(', ');
      return `Deepest: ${deepest.name} ${bpsBelow(deepest.summary.maxBps)} below its peak on ${day(deepest.summary.maxAt)}. Now below peak: ${now}.`;
    }
    case 'capital': {
      const parts = TRANCHE_NAMES.map((name, id) => {
        const t = tranche(last!, id);
        return t ? `${name} ${amount(BigInt(t.totalAssets))}` : null;
      }).filter((text) => text !== null);
      // Before the first deposit the backstop holds nothing: that is its start, not a low.
      const low = minBy(samples, (s) => (s.totalCapital === '0' ? null : BigInt(s.totalCapital)));
      const now = `Now ${amount(BigInt(last!.totalCapital))} (${parts.join(', ')})`;
      return low ? `${now}; lowest ${amount(low.value)} on ${day(low.item.timestamp)}.` : `${now}.`;
    }
    case 'exposure': {
      const now = sampleProtocols([last!]).flatMap(({ id, name }) => {
        const p = last!.protocols?.find((q) => q.id === id);
        return p && drawnInSample(p) ? [`${name} ${amount(BigInt(p.exposure))}`] : [];
      });
      if (now.length === 0) return 'These samples do not break required capital down by protocol.';
      return `Now ${now.join(', ')}; ${amount(BigInt(last!.requiredCapital))} required in all.`;
    }
    case 'premiums': {
      if (premiums.length === 0) return 'No premiums were paid in this range.';
      const total = premiums.reduce((sum, p) => sum + BigInt(p.amount), 0n);
      const byTranche = TRANCHE_NAMES.map(
        (name, id) => `${name} ${amount(premiums.reduce((sum, p) => sum + BigInt(p.byTranche[id] ?? '0'), 0n))}`,
      );
      const top = minBy(premiums, (p) => -BigInt(p.amount))!;
      return `${amount(total)} over ${premiums.length} ${premiums.length === 1 ? 'day' : 'days'} (${byTranche.join(', ')}); largest day ${day(top.item.timestamp)}: ${amount(-top.value)}.`;
    }
  }
}

/** A drawdown (≤ 0 bps) as the distance below the peak: -3420 -> "34.20 %". */
function bpsBelow(bps: number): string {
  return `${(Math.abs(bps) / 100).toFixed(2)} %`;
}
