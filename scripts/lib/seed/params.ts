import { parseUnits } from 'viem';
import { TRANCHES as SHARED_TRANCHES, trancheTokenName } from '../../../lib/protocol/tranches';

/**
 * Production defaults, the same numbers contracts/test/utils/BackstopFixture.sol deploys with.
 * Asset amounts in 6-decimal units, rates as wads.
 */
const usd = (n: string) => parseUnits(n, 6);
const wad = (n: string) => parseUnits(n, 18);
const DAY = 86_400n;

/** By tranche id; names and symbols come from the shared tranche table. */
const TRANCHE_PARAMS = [
  { depositCap: usd('2000000'), cooldown: 7n * DAY, unstakeWindow: 2n * DAY, riskMultiplier: wad('3') },
  { depositCap: usd('4000000'), cooldown: 7n * DAY, unstakeWindow: 2n * DAY, riskMultiplier: wad('1.5') },
  { depositCap: usd('8000000'), cooldown: 7n * DAY, unstakeWindow: 2n * DAY, riskMultiplier: wad('1') },
] as const;

export const TRANCHES = SHARED_TRANCHES.map((t) => ({
  name: trancheTokenName(t.name),
  symbol: t.symbol,
  ...TRANCHE_PARAMS[t.id],
}));

export const MARKETS = [
  {
    key: 'ETH',
    description: 'ETH / USD',
    price: 3_000,
    initialMarginRate: wad('0.1'),
    maintenanceMarginRate: wad('0.05'),
    liquidationImpact: wad('0.1'),
    liquidityDepth: usd('5000000'),
    stressLossRate: wad('0.12'),
    oracleMaxAge: DAY,
  },
  {
    key: 'BTC',
    description: 'BTC / USD',
    price: 60_000,
    initialMarginRate: wad('0.1'),
    maintenanceMarginRate: wad('0.05'),
    liquidationImpact: wad('0.08'),
    liquidityDepth: usd('10000000'),
    stressLossRate: wad('0.1'),
    oracleMaxAge: DAY,
  },
  {
    key: 'SOL',
    description: 'SOL / USD',
    price: 150,
    initialMarginRate: wad('0.2'),
    maintenanceMarginRate: wad('0.1'),
    liquidationImpact: wad('0.15'),
    liquidityDepth: usd('1000000'),
    stressLossRate: wad('0.2'),
    oracleMaxAge: DAY,
  },
] as const;

export type MarketKey = (typeof MARKETS)[number]['key'];

/** Protocol 0's name: the clearinghouse `initialize` wires, whose markets are MARKETS. */
export const FIRST_PROTOCOL_NAME = 'Harbor Perps';

/**
 * The second covered protocol: an independent clearinghouse with its own ETH and SOL markets (margins as MARKETS,
 * reading the same price feeds, as two venues read one Chainlink feed), registered as protocol 1. It keeps 40 % of
 * its premiums, and the backstop takes no more than 300k of its exposure.
 */
export const SECOND_PROTOCOL = {
  name: 'Meridian Perps',
  exposureCap: usd('300000'),
  premiumShare: wad('0.6'),
  markets: [
    { key: 'ETH', stressLossRate: wad('0.15') },
    { key: 'SOL', stressLossRate: wad('0.25') },
  ],
} as const satisfies {
  name: string;
  exposureCap: bigint;
  premiumShare: bigint;
  markets: readonly { key: MarketKey; stressLossRate: bigint }[];
};

export const FEE_RATE = wad('0.0005');

/**
 * The premium curve (PremiumCurveLib.sol): each market's FEE_RATE × (1 + 1 × u / 0.8) below 80 % utilisation and
 * × (2 + 4 × (u − 0.8) / 0.2) above, scaled by volatility ÷ 60 %. BackstopFixture.sol uses the same numbers.
 */
export const PREMIUM_CURVE = {
  kink: wad('0.8'),
  slope1: wad('1'),
  slope2: wad('4'),
  referenceVolatility: wad('0.6'),
} as const;
export const PREMIUM_VOLATILITY = wad('0.6');

/**
 * The risk steward (RiskSteward.sol): ±10 % per update, once per 6 hours per parameter, within these ranges
 * (index: Junior, Mezzanine, Senior risk multiplier, premium volatility).
 */
/**
 * Productive capital on the local chain: the tranches that put their assets above a buffer into the local yield vault,
 * by tranche id, with the share of their assets kept idle (wad). Junior, first to pay, keeps everything idle.
 */
export const STRATEGY_BUFFERS = [
  { trancheId: 1, bufferShare: wad('0.3') },
  { trancheId: 2, bufferShare: wad('0.2') },
] as const;

/** What the local yield vault earns a year, in basis points of its assets (minted by the keeper before each report). */
export const YIELD_APR_BPS = 400n;

/** The seeded history's one strategy loss: on this day the yield vault loses this share of its assets (bps). */
export const STRATEGY_LOSS = { day: 95, bps: 50n } as const;

export const STEWARD = {
  maxStep: wad('0.1'),
  minInterval: 6n * 3_600n,
  bounds: [
    { min: wad('1.5'), max: wad('6') },
    { min: wad('0.75'), max: wad('3') },
    { min: wad('0.5'), max: wad('2') },
    { min: wad('0.2'), max: wad('2') },
  ],
} as const;
export const LIQUIDATION_FEE_RATE = wad('0.01');
export const ORACLE_DECIMALS = 8;

/**
 * Proposal to execution takes votingDelay + votingPeriod + timelockDelay = 1 + 3 + 5 = 9 days, longer than the
 * longest cooldown (7 days) plus a day: a depositor who asks to leave when a proposal is made can leave before it
 * runs. The contracts refuse any timing or cooldown change that would break this (ExitBeforeExecution.sol).
 */
export const GOVERNANCE = {
  tokenSupply: wad('1000000'),
  timelockDelay: 5n * DAY,
  votingDelay: DAY,
  votingPeriod: 3n * DAY,
  proposalThreshold: wad('10000'),
  quorumPercent: 4n,
} as const;

/**
 * BSG minted at deploy on the local chain, by anvil index, each already delegated to its holder; the rest of the
 * supply (600,000) is the treasury, minted to the timelock, which moves it only by a passed proposal.
 */
export const VOTING_POWER: readonly (readonly [anvilIndex: number, amount: string])[] = [
  [1, '120000'],
  [2, '80000'],
  [3, '60000'],
  [4, '50000'],
  [5, '40000'],
  [6, '30000'],
  [7, '20000'],
];
