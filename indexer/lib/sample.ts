// Turns one lens Dashboard into a stored sample; pure, so the drawdown arithmetic is testable on its own.
import type { SampleMarket, SamplePremium, SampleProtocol, SampleTranche } from '../ponder.schema';

const MAX_UINT256 = 2n ** 256n - 1n;

export interface DashboardLike {
  module: { totalCapital: bigint; requiredCapital: bigint; solvencyRatio: bigint };
  tranches: readonly {
    id: number;
    totalAssets: bigint;
    totalSupply: bigint;
    sharePrice: bigint;
    totalPremiumReceived: bigint;
    totalYieldReceived: bigint;
  }[];
  markets: readonly {
    id: bigint;
    name: string;
    price: bigint;
    priceDecimals: number;
    longNotional: bigint;
    shortNotional: bigint;
  }[];
  premium: { utilisation: bigint; multiplier: bigint; volatility: bigint };
  protocols: readonly {
    id: bigint;
    name: string;
    active: boolean;
    suspended: boolean;
    readable: boolean;
    exposure: bigint;
  }[];
}

export interface SampleValues {
  totalCapital: bigint;
  requiredCapital: bigint;
  solvencyRatio: bigint;
  tranches: SampleTranche[];
  markets: SampleMarket[];
  premium: SamplePremium;
  protocols: SampleProtocol[];
  peakSharePrices: string[];
}

/** Drawdown from the running peak in basis points, ≤ 0, truncated towards zero. */
export function drawdownBps(sharePrice: bigint, peak: bigint): number {
  if (peak <= 0n || sharePrice >= peak) return 0;
  // `|| 0` turns -0 into 0: a tiny dip below one basis point is no drawdown.
  return Number(((sharePrice - peak) * 10_000n) / peak) || 0;
}

export function toSample(dashboard: DashboardLike, previousPeaks: readonly string[]): SampleValues {
  const tranches = dashboard.tranches.map((tranche): SampleTranche => {
    const before = BigInt(previousPeaks[tranche.id] ?? '0');
    const peak = tranche.sharePrice > before ? tranche.sharePrice : before;
    return {
      id: tranche.id,
      totalAssets: tranche.totalAssets.toString(),
      totalSupply: tranche.totalSupply.toString(),
      sharePrice: tranche.sharePrice.toString(),
      peakSharePrice: peak.toString(),
      drawdownBps: drawdownBps(tranche.sharePrice, peak),
      premiumReceived: tranche.totalPremiumReceived.toString(),
      yieldReceived: tranche.totalYieldReceived.toString(),
    };
  });
  const markets = dashboard.markets.map((market): SampleMarket => ({
    id: Number(market.id),
    name: market.name,
    price: market.price.toString(),
    priceDecimals: market.priceDecimals,
    longNotional: market.longNotional.toString(),
    shortNotional: market.shortNotional.toString(),
  }));
  const { totalCapital, requiredCapital, solvencyRatio } = dashboard.module;
  return {
    totalCapital,
    requiredCapital,
    solvencyRatio: solvencyRatio === MAX_UINT256 || requiredCapital === 0n ? 0n : solvencyRatio,
    tranches,
    markets,
    premium: {
      utilisation: dashboard.premium.utilisation.toString(),
      multiplier: dashboard.premium.multiplier.toString(),
      volatility: dashboard.premium.volatility.toString(),
    },
    protocols: dashboard.protocols.map((p) => ({
      id: Number(p.id),
      name: p.name,
      active: p.active,
      suspended: p.suspended,
      readable: p.readable,
      exposure: p.exposure.toString(),
    })),
    peakSharePrices: tranches.map((tranche) => tranche.peakSharePrice),
  };
}
