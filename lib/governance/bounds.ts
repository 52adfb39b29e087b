import { maxUint256 } from 'viem';

const MINUTE = 60n;
const HOUR = 3_600n;
const DAY = 86_400n;
const WAD = 10n ** 18n;

/**
 * The contracts' public bounds, the same numbers as the Solidity constants (BackstopModule.sol, Clearinghouse.sol);
 * scripts/lib/contractConstants.test.ts reads the built contracts and fails if they drift apart.
 * A value outside them reverts with ParameterOutOfBounds; the forms refuse it first.
 */
export const BOUNDS = {
  // BackstopModule
  MAX_COOLDOWN: 60n * DAY,
  MIN_UNSTAKE_WINDOW: HOUR,
  MAX_UNSTAKE_WINDOW: 30n * DAY,
  MIN_RISK_MULTIPLIER: WAD / 10n,
  MAX_RISK_MULTIPLIER: 10n * WAD,
  MAX_VESTING_PERIOD: 60n * DAY,
  MAX_STRESS_LOSS_RATE: WAD,
  MIN_SOLVENCY_THRESHOLD: WAD / 2n,
  MAX_SOLVENCY_THRESHOLD: 5n * WAD,
  MIN_BUFFER_SHARE: WAD / 20n,
  MAX_BUFFER_SHARE: WAD,
  MAX_PROTOCOLS: 8n,
  MAX_PROTOCOL_NAME_LENGTH: 32n,
  /** A protocol's premium share is a wad in [0, 1] (BackstopModule._setPremiumShare): a literal, not a constant. */
  MAX_PREMIUM_SHARE: WAD,
  // Clearinghouse
  MAX_FEE_RATE: WAD / 100n,
  MIN_MAINTENANCE_MARGIN_RATE: (5n * WAD) / 1000n,
  MAX_MARGIN_RATE: WAD,
  MAX_LIQUIDATION_IMPACT: WAD,
  MIN_PRICE_AGE: MINUTE,
  MAX_PRICE_AGE: 7n * DAY,
  MAX_LIQUIDITY_DEPTH: 2n ** 128n - 1n,
  MIN_KINK: WAD / 20n,
  MAX_KINK: (95n * WAD) / 100n,
  MAX_SLOPE1: 10n * WAD,
  MAX_SLOPE2: 18n * WAD,
  MIN_VOLATILITY: WAD / 20n,
  MAX_VOLATILITY: 5n * WAD,
  // RiskSteward
  MAX_STEP_LIMIT: WAD / 2n,
  MIN_INTERVAL_LIMIT: HOUR,
  MAX_INTERVAL_LIMIT: 30n * DAY,
  MAX_UINT256: maxUint256,
} as const;

/** ExitBeforeExecution.MARGIN: a cooldown plus this must stay shorter than the governance path. */
export const EXIT_MARGIN = DAY;

/**
 * The longest cooldown a proposal may set: below the contract bound and, strictly, below the governance path minus a
 * day (the module reverts with GovernancePathTooShort otherwise). A batch that first lengthens the path is not
 * foreseen here: propose the longer timings first.
 */
export function maxCooldownFor(governancePath: bigint | null): bigint {
  if (governancePath === null) return BOUNDS.MAX_COOLDOWN;
  const limit = governancePath - EXIT_MARGIN - 1n;
  if (limit < 0n) return 0n;
  return limit < BOUNDS.MAX_COOLDOWN ? limit : BOUNDS.MAX_COOLDOWN;
}
