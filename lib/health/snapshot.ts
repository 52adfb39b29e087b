import type { Dashboard } from '@/lib/chain/readDashboard';
import type { IndexedSample } from '@/lib/indexer/schema';
import { coverageOfOpenInterest, shareOf, totalOpenInterest } from './coverage';
import { drawdownWad, peakPrice } from './drawdown';
import { exposureByAssetClass, protocolHealth, type AssetClassExposure, type ProtocolHealth } from './protocols';
import { solvencyStatus, warningLevel, type SolvencyStatus } from './status';

export interface TrancheHealth {
  id: number;
  name: string;
  symbol: string;
  shareDecimals: number;
  /** Asset units. */
  capital: bigint;
  totalSupply: bigint;
  /** Asset units per 10^shareDecimals shares. */
  sharePrice: bigint;
  peakSharePrice: bigint;
  /** Wad fraction, ≤ 0. */
  drawdown: bigint;
  /** Wad fraction of the module's total capital. */
  shareOfTotal: bigint;
  /** Governance-set exit terms and cap: seconds, seconds, asset units. */
  cooldownSeconds: number;
  unstakeWindowSeconds: number;
  depositCap: bigint;
}

/** The headline figures of /health and /api/health, all exact integers with their scale implied by the field. */
export interface HealthSnapshot {
  blockNumber: bigint;
  blockTimestamp: number;
  asset: { symbol: string; decimals: number };
  totalCapital: bigint;
  requiredCapital: bigint;
  openInterestNotional: bigint;
  solvencyRatio: bigint;
  solvencyThreshold: bigint;
  warningBelow: bigint;
  status: SolvencyStatus;
  /** Wad fraction; null without open interest. */
  coverage: bigint | null;
  tranches: TrancheHealth[];
  /**
   * Counted protocols the lens could not read (safe names): while there is one, `requiredCapital` is the sum over the
   * others, a lower bound, and the solvency ratio an upper bound.
   */
  unreadableProtocols: string[];
  /** Every covered protocol, removed ones included, in id order. */
  protocols: ProtocolHealth[];
  /** The counted (active, unsuspended) protocols' markets grouped by underlying asset. */
  assetClasses: AssetClassExposure[];
}

/** Current state from the lens; only the peaks come from history (the latest indexed sample's all-time peak). */
export function buildSnapshot(dashboard: Dashboard, latestSample: IndexedSample | null): HealthSnapshot {
  const m = dashboard.module;
  const protocols = protocolHealth(dashboard.protocols, m.requiredCapital);
  // Open interest the backstop covers: every counted protocol's markets (protocol 0's are `dashboard.markets`).
  const covered = dashboard.protocols.filter((p) => p.active && !p.suspended).flatMap((p) => p.markets);
  return {
    blockNumber: dashboard.blockNumber,
    blockTimestamp: Number(dashboard.timestamp),
    asset: { symbol: m.assetSymbol, decimals: m.assetDecimals },
    totalCapital: m.totalCapital,
    requiredCapital: m.requiredCapital,
    openInterestNotional: totalOpenInterest(covered),
    solvencyRatio: m.solvencyRatio,
    solvencyThreshold: m.solvencyThreshold,
    warningBelow: warningLevel(m.solvencyThreshold),
    status: solvencyStatus(m.solvencyRatio, m.solvencyThreshold),
    coverage: coverageOfOpenInterest(m.totalCapital, covered),
    unreadableProtocols: protocols.filter((p) => p.counted && !p.readable).map((p) => p.name),
    tranches: dashboard.tranches.map((tr) => {
      const indexed = latestSample?.tranches.find((s) => s.id === tr.id);
      const peak = peakPrice(tr.sharePrice, indexed ? BigInt(indexed.peakSharePrice) : null);
      return {
        id: tr.id,
        name: tr.name,
        symbol: tr.symbol,
        shareDecimals: tr.shareDecimals,
        capital: tr.totalAssets,
        totalSupply: tr.totalSupply,
        sharePrice: tr.sharePrice,
        peakSharePrice: peak,
        drawdown: drawdownWad(tr.sharePrice, peak),
        shareOfTotal: shareOf(tr.totalAssets, m.totalCapital),
        cooldownSeconds: Number(tr.cooldown),
        unstakeWindowSeconds: Number(tr.unstakeWindow),
        depositCap: tr.depositCap,
      };
    }),
    protocols,
    assetClasses: exposureByAssetClass(protocols, m.requiredCapital),
  };
}
