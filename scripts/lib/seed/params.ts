import { parseUnits } from 'viem'

/**
 * Production defaults, the same numbers contracts/test/utils/BackstopFixture.sol deploys with.
 * Asset amounts in 6-decimal units, rates as wads.
 */
const usd = (n: string) => parseUnits(n, 6)
const wad = (n: string) => parseUnits(n, 18)
const DAY = 86_400n

export const TRANCHES = [
  { name: 'Backstop Junior', symbol: 'bsJUN', depositCap: usd('2000000'), cooldown: 7n * DAY, unstakeWindow: 2n * DAY, riskMultiplier: wad('3') },
  { name: 'Backstop Mezzanine', symbol: 'bsMEZ', depositCap: usd('4000000'), cooldown: 7n * DAY, unstakeWindow: 2n * DAY, riskMultiplier: wad('1.5') },
  { name: 'Backstop Senior', symbol: 'bsSEN', depositCap: usd('8000000'), cooldown: 7n * DAY, unstakeWindow: 2n * DAY, riskMultiplier: wad('1') },
] as const

export const MARKETS = [
  { key: 'ETH', description: 'ETH / USD', price: 3_000, initialMarginRate: wad('0.1'), maintenanceMarginRate: wad('0.05'), liquidationImpact: wad('0.1'), liquidityDepth: usd('5000000'), stressLossRate: wad('0.12'), oracleMaxAge: DAY },
  { key: 'BTC', description: 'BTC / USD', price: 60_000, initialMarginRate: wad('0.1'), maintenanceMarginRate: wad('0.05'), liquidationImpact: wad('0.08'), liquidityDepth: usd('10000000'), stressLossRate: wad('0.1'), oracleMaxAge: DAY },
  { key: 'SOL', description: 'SOL / USD', price: 150, initialMarginRate: wad('0.2'), maintenanceMarginRate: wad('0.1'), liquidationImpact: wad('0.15'), liquidityDepth: usd('1000000'), stressLossRate: wad('0.2'), oracleMaxAge: DAY },
] as const

export type MarketKey = (typeof MARKETS)[number]['key']

export const FEE_RATE = wad('0.0005')
export const LIQUIDATION_FEE_RATE = wad('0.01')
export const ORACLE_DECIMALS = 8

export const GOVERNANCE = {
  tokenSupply: wad('1000000'),
  timelockDelay: 2n * DAY,
  votingDelay: DAY,
  votingPeriod: 3n * DAY,
  proposalThreshold: wad('10000'),
  quorumPercent: 4n,
} as const

export const LOCAL_CHAIN_ID = 31337
