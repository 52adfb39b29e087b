import { protocolLabel } from '@/lib/format/protocolName';
import type { IndexedPremiumDay, IndexedSample } from '@/lib/indexer/schema';
import { TRANCHE_IDS } from '@/lib/protocol/tranches';

/**
 * Chart rows: plain numbers (the charts draw floats; exact figures live in the headline, the API and the CSV).
 * Amounts in asset units (e.g. tUSD), ratios and drawdowns in percent.
 */
export interface SampleRow {
  t: number;
  block: string;
  solvencyPct: number | null;
  capital: [number, number, number];
  price: [number, number, number];
  peak: [number, number, number];
  drawdownPct: [number, number, number];
  /** Each active covered protocol's exposure, in asset units, by protocol id (absent: none at this sample). */
  exposure: Record<number, number>;
}

/** A covered protocol as the history charts name it. */
export interface SeriesProtocol {
  id: number;
  /** Cleaned for display (protocolLabel). */
  name: string;
}

export interface PremiumRow {
  t: number;
  total: number;
  byTranche: [number, number, number];
}

const toUnits = (raw: string, decimals: number) => Number(raw) / 10 ** decimals;
const wadToPct = (raw: string) => Number(raw) / 1e16;

function triple<T>(values: readonly T[], fallback: T): [T, T, T] {
  return [values[0] ?? fallback, values[1] ?? fallback, values[2] ?? fallback];
}

/** The indexer writes "0" for the ratio when nothing is required: that is no ratio, drawn as a gap. */
export function sampleRow(sample: IndexedSample, decimals: number): SampleRow {
  const byId = TRANCHE_IDS.map((id) => sample.tranches.find((tr) => tr.id === id));
  return {
    t: sample.timestamp,
    block: sample.blockNumber,
    solvencyPct: sample.solvencyRatio === '0' ? null : wadToPct(sample.solvencyRatio),
    capital: triple(
      byId.map((tr) => (tr ? toUnits(tr.totalAssets, decimals) : 0)),
      0,
    ),
    price: triple(
      byId.map((tr) => (tr ? toUnits(tr.sharePrice, decimals) : 0)),
      0,
    ),
    peak: triple(
      byId.map((tr) => (tr ? toUnits(tr.peakSharePrice, decimals) : 0)),
      0,
    ),
    drawdownPct: triple(
      byId.map((tr) => (tr ? tr.drawdownBps / 100 : 0)),
      0,
    ),
    exposure: Object.fromEntries(
      (sample.protocols ?? []).filter(drawnInSample).map((p) => [p.id, toUnits(p.exposure, decimals)]),
    ),
  };
}

/**
 * Whether a sample's protocol has an exposure to draw: it counted in required capital then (active, not suspended)
 * and the lens could read it (an unreadable one's 0 means unknown). Older samples lack the last two flags.
 */
export function drawnInSample(p: NonNullable<IndexedSample['protocols']>[number]): boolean {
  return p.active && !p.suspended && p.readable !== false;
}

/** Every protocol that appears in `samples`, by id, named as the latest sample that lists it names it. */
export function sampleProtocols(samples: readonly IndexedSample[]): SeriesProtocol[] {
  const byId = new Map<number, string>();
  for (const s of samples) for (const p of s.protocols ?? []) byId.set(p.id, p.name);
  return [...byId.entries()].sort(([a], [b]) => a - b).map(([id, name]) => ({ id, name: protocolLabel(name, id) }));
}

export function premiumRow(day: IndexedPremiumDay, decimals: number): PremiumRow {
  return {
    t: day.timestamp,
    total: toUnits(day.amount, decimals),
    byTranche: triple(
      day.byTranche.map((v) => toUnits(v, decimals)),
      0,
    ),
  };
}

/** Samples with timestamp ≥ from, as the indexer's `?from=` filters them. */
export function inRange<T extends { timestamp: number }>(items: readonly T[], from: number): T[] {
  return items.filter((item) => item.timestamp >= from);
}

/** Daily buckets that overlap the range: the first day of a range is usually partial and still counts. */
export function daysInRange<T extends { timestamp: number }>(days: readonly T[], from: number): T[] {
  return days.filter((day) => day.timestamp + 86_400 > from);
}

/** The last item of each UTC day: a compact text alternative to a chart of hourly samples. */
export function dailyLast<T extends { timestamp: number }>(items: readonly T[]): T[] {
  return periodLast(items, 86_400);
}

/** The last item of each period of `seconds` (counted from the Unix epoch), in time order. */
export function periodLast<T extends { timestamp: number }>(items: readonly T[], seconds: number): T[] {
  const byPeriod = new Map<number, T>();
  for (const item of items) byPeriod.set(Math.floor(item.timestamp / seconds), item);
  return [...byPeriod.values()];
}
