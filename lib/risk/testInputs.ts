import type { MarketRiskInput, RiskInputs, TrancheRiskInput } from './types';

/**
 * Model inputs for tests: three books shaped like the seeded ETH, BTC and SOL markets, each overridable, and the
 * correlation of the first n of them.
 */
const BOOKS: Record<'ETH' | 'BTC' | 'SOL', Omit<MarketRiskInput, 'name'>> = {
  ETH: {
    longNotional: 3e6,
    shortNotional: 2e6,
    maintenanceMarginRate: 0.05,
    liquidationImpact: 0.1,
    liquidityDepth: 5e6,
    volatility: 0.7,
  },
  BTC: {
    longNotional: 4e6,
    shortNotional: 3e6,
    maintenanceMarginRate: 0.05,
    liquidationImpact: 0.08,
    liquidityDepth: 1e7,
    volatility: 0.55,
  },
  SOL: {
    longNotional: 1e6,
    shortNotional: 5e5,
    maintenanceMarginRate: 0.1,
    liquidationImpact: 0.15,
    liquidityDepth: 1e6,
    volatility: 0.9,
  },
};

const CORRELATION = [
  [1, 0.8, 0.7],
  [0.8, 1, 0.65],
  [0.7, 0.65, 1],
];

export function testMarket(name: keyof typeof BOOKS, overrides: Partial<MarketRiskInput> = {}): MarketRiskInput {
  return { name, ...BOOKS[name], ...overrides };
}

export function testInputs(
  markets: MarketRiskInput[],
  tranches: TrancheRiskInput[] = [{ id: 0, name: 'All', capital: 1e5 }],
): RiskInputs {
  const n = markets.length;
  if (n > CORRELATION.length) throw new RangeError(`at most ${CORRELATION.length} test markets`);
  return { markets, correlation: CORRELATION.slice(0, n).map((row) => row.slice(0, n)), tranches };
}

export const TEST_TRANCHES: TrancheRiskInput[] = [
  { id: 0, name: 'Junior', capital: 30_000 },
  { id: 1, name: 'Mezzanine', capital: 60_000 },
  { id: 2, name: 'Senior', capital: 300_000 },
];
