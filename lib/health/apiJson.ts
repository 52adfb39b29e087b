import { decimalAmount, decimalRatio } from './decimal';
import type { HealthSnapshot } from './snapshot';

export interface Freshness {
  /** ms since epoch of the lens read the figures come from. */
  fetchedAt: number;
  /** ms since epoch, now. */
  now: number;
  refreshSeconds: number;
}

/** The JSON body of GET /api/health (schema in docs/api-health.md). */
export function healthJson(s: HealthSnapshot, f: Freshness) {
  const asset = (raw: bigint) => decimalAmount(raw, s.asset.decimals);
  return {
    blockNumber: s.blockNumber.toString(),
    blockTimestamp: s.blockTimestamp,
    fetchedAt: new Date(f.fetchedAt).toISOString(),
    dataAgeSeconds: Math.max(0, Math.floor(f.now / 1000) - s.blockTimestamp),
    cacheAgeSeconds: Math.max(0, Math.floor((f.now - f.fetchedAt) / 1000)),
    refreshSeconds: f.refreshSeconds,
    asset: s.asset,
    status: s.status,
    totalCapital: asset(s.totalCapital),
    requiredCapital: asset(s.requiredCapital),
    openInterestNotional: asset(s.openInterestNotional),
    solvency: {
      ratio: decimalRatio(s.solvencyRatio),
      threshold: decimalRatio(s.solvencyThreshold),
      warningBelow: decimalRatio(s.warningBelow),
    },
    coverage: s.coverage === null ? null : decimalRatio(s.coverage),
    tranches: s.tranches.map((t) => ({
      id: t.id,
      name: t.name,
      symbol: t.symbol,
      shareDecimals: t.shareDecimals,
      capital: asset(t.capital),
      totalSupply: decimalAmount(t.totalSupply, t.shareDecimals),
      sharePrice: asset(t.sharePrice),
      peakSharePrice: asset(t.peakSharePrice),
      drawdown: decimalRatio(t.drawdown),
      shareOfTotal: decimalRatio(t.shareOfTotal),
      cooldownSeconds: t.cooldownSeconds,
      unstakeWindowSeconds: t.unstakeWindowSeconds,
      depositCap: asset(t.depositCap),
    })),
    protocols: s.protocols.map((p) => ({
      id: p.id,
      name: p.name,
      clearinghouse: p.clearinghouse,
      active: p.active,
      suspended: p.suspended,
      readable: p.readable,
      exposure: asset(p.exposure),
      exposureCap: p.exposureCap === null ? null : asset(p.exposureCap),
      capUsed: p.capUsed === null ? null : decimalRatio(p.capUsed),
      shareOfRequired: decimalRatio(p.shareOfRequired),
      premiumShare: decimalRatio(p.premiumShare),
      retainedPremium: asset(p.retainedPremium),
      markets: p.markets.map((m) => ({
        id: m.id,
        name: m.name,
        assetClass: m.assetClass,
        openInterestNotional: asset(m.notional),
        stressLossRate: decimalRatio(m.stressLossRate),
        exposure: asset(m.exposure),
      })),
    })),
    assetClasses: s.assetClasses.map((c) => ({
      assetClass: c.assetClass,
      openInterestNotional: asset(c.notional),
      exposure: asset(c.exposure),
      shareOfRequired: decimalRatio(c.shareOfRequired),
      markets: c.markets,
    })),
  };
}

export type HealthJson = ReturnType<typeof healthJson>;
