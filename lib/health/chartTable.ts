import { formatUnits } from 'viem';
import type { IndexedPremiumDay, IndexedSample } from '@/lib/indexer/schema';
import { TRANCHE_IDS, TRANCHE_NAMES } from '@/lib/protocol/tranches';
import type { ChartKind } from './chartKinds';
import { drawnInSample, sampleProtocols } from './series';

export interface ChartTable {
  header: string[];
  rows: string[][];
}

const iso = (t: number) => new Date(t * 1000).toISOString();
const trancheOf = (s: IndexedSample, id: number) => s.tranches.find((t) => t.id === id);

/**
 * A chart's data as exact decimal text (no floats): the CSV download and the chart's text alternative.
 * Ratios as percent; amounts in the asset's units; share prices in asset units per whole share.
 */
export function chartTable(
  kind: ChartKind,
  samples: readonly IndexedSample[],
  premiums: readonly IndexedPremiumDay[],
  asset: { symbol: string; decimals: number },
): ChartTable {
  const amount = (raw: string | undefined) => (raw === undefined ? '' : formatUnits(BigInt(raw), asset.decimals));
  const sym = asset.symbol;
  switch (kind) {
    case 'solvency':
      return {
        header: ['time (UTC)', 'block', 'solvency ratio (%)', `capital (${sym})`, `required (${sym})`],
        rows: samples.map((s) => [
          iso(s.timestamp),
          s.blockNumber,
          s.solvencyRatio === '0' ? '' : formatUnits(BigInt(s.solvencyRatio), 16),
          amount(s.totalCapital),
          amount(s.requiredCapital),
        ]),
      };
    case 'share-price':
      return {
        header: [
          'time (UTC)',
          'block',
          ...TRANCHE_NAMES.flatMap((n) => [`${n} price (${sym}/share)`, `${n} peak (${sym}/share)`]),
        ],
        rows: samples.map((s) => [
          iso(s.timestamp),
          s.blockNumber,
          ...TRANCHE_IDS.flatMap((id) => [
            amount(trancheOf(s, id)?.sharePrice),
            amount(trancheOf(s, id)?.peakSharePrice),
          ]),
        ]),
      };
    case 'drawdown':
      return {
        header: ['time (UTC)', 'block', ...TRANCHE_NAMES.map((n) => `${n} drawdown (%)`)],
        rows: samples.map((s) => [
          iso(s.timestamp),
          s.blockNumber,
          ...TRANCHE_IDS.map((id) => {
            const bps = trancheOf(s, id)?.drawdownBps;
            return bps === undefined ? '' : (bps / 100).toFixed(2);
          }),
        ]),
      };
    case 'capital':
      return {
        header: ['time (UTC)', 'block', ...TRANCHE_NAMES.map((n) => `${n} capital (${sym})`), `total (${sym})`],
        rows: samples.map((s) => [
          iso(s.timestamp),
          s.blockNumber,
          ...TRANCHE_IDS.map((id) => amount(trancheOf(s, id)?.totalAssets)),
          amount(s.totalCapital),
        ]),
      };
    case 'premiums':
      return {
        header: ['day (UTC)', ...TRANCHE_NAMES.map((n) => `${n} premium (${sym})`), `total (${sym})`],
        rows: premiums.map((p) => [iso(p.timestamp).slice(0, 10), ...p.byTranche.map(amount), amount(p.amount)]),
      };
    case 'exposure': {
      // A removed protocol's cell is empty from its removal on: it no longer counts in required capital.
      const protocols = sampleProtocols(samples);
      return {
        header: ['time (UTC)', 'block', ...protocols.map((p) => `${p.name} exposure (${sym})`), `required (${sym})`],
        rows: samples.map((s) => [
          iso(s.timestamp),
          s.blockNumber,
          ...protocols.map(({ id }) => {
            const p = s.protocols?.find((q) => q.id === id);
            return p && drawnInSample(p) ? amount(p.exposure) : '';
          }),
          amount(s.requiredCapital),
        ]),
      };
    }
  }
}
