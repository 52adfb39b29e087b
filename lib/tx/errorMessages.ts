import { formatUnits } from 'viem';
import { formatAmount } from '@/lib/format/amount';
import { formatDuration, formatUtc } from '@/lib/tranches/duration';

/** What the words need to state amounts and times in the user's terms. */
export interface ErrorContext {
  /** Chain time (unix s), for countdowns: after a time warp it runs ahead of the wall clock. */
  now: number;
  asset: { decimals: number; symbol: string };
  shares: { decimals: number; symbol: string };
}

type Args = readonly unknown[];
type Sentence = (args: Args, ctx: ErrorContext) => string;

const big = (v: unknown): bigint => (typeof v === 'bigint' ? v : BigInt(Number(v ?? 0)));
const assets = (v: unknown, ctx: ErrorContext) => formatAmount(big(v), ctx.asset.decimals, { unit: ctx.asset.symbol });
const shares = (v: unknown, ctx: ErrorContext) =>
  formatAmount(big(v), ctx.shares.decimals, { fractionDigits: 4, unit: ctx.shares.symbol });

const GOVERNOR_STATES = ['pending', 'active', 'canceled', 'defeated', 'succeeded', 'queued', 'expired', 'executed'];

/** Governance token amounts (18 decimals) in BSG. */
const bsg = (v: unknown) => formatAmount(big(v), 18, { fractionDigits: 0, unit: 'BSG' });

function governorStateSentence(current: unknown): string {
  const state = GOVERNOR_STATES[Number(big(current))] ?? 'in another state';
  switch (state) {
    case 'pending':
      return 'Voting has not started yet: the proposal is pending until its voting delay has passed.';
    case 'active':
      return 'Voting is still open: the proposal can be queued or executed only after voting ends.';
    case 'defeated':
    case 'expired':
    case 'canceled':
      return `The proposal is ${state}: it can no longer be voted on, queued or executed.`;
    case 'succeeded':
      return 'Voting has ended and the proposal succeeded: it must be queued before it can be executed.';
    case 'queued':
      return 'Voting has ended: the proposal is queued in the timelock.';
    case 'executed':
      return 'Voting has ended: the proposal has already been executed.';
    default:
      return `The proposal is ${state}, which does not allow this.`;
  }
}

/** A wad ratio as a percentage, e.g. 0.85e18 → "85.0 %"; type(uint256).max (nothing required) as "∞". */
function wadPercent(v: unknown): string {
  const x = big(v);
  if (x >= 2n ** 255n) return '∞';
  return `${(Number(x / 10n ** 14n) / 100).toFixed(1)} %`;
}

/** The risk steward's parameters, by their number in RiskSteward.sol. */
const STEWARD_PARAMETERS = [
  'Junior risk multiplier',
  'Mezzanine risk multiplier',
  'Senior risk multiplier',
  'Premium volatility',
];

function stewardParameter(v: unknown): string {
  return STEWARD_PARAMETERS[Number(big(v))] ?? `Parameter #${String(v)}`;
}

/** A wad as a plain number, e.g. 3.3e18 → "3.3". */
function wadNumber(v: unknown): string {
  return formatUnits(big(v), 18);
}

function until(v: unknown, ctx: ErrorContext): string {
  const at = Number(big(v));
  return `in ${formatDuration(at - ctx.now)} (at ${formatUtc(at)})`;
}

function since(v: unknown, ctx: ErrorContext): string {
  const at = Number(big(v));
  return `${formatDuration(ctx.now - at)} ago (at ${formatUtc(at)})`;
}

/**
 * Every custom error a depositor can meet (ErrorsLib plus OpenZeppelin's ERC-4626, ERC-20 and EIP-2612 errors), as a
 * sentence that says what happened and what to do. Unknown errors fall back to their name and arguments.
 */
export const ERROR_SENTENCES: Record<string, Sentence> = {
  ZeroAmount: () => 'The amount is zero: enter more than 0.',
  ZeroAddress: () => 'An address is missing (zero address).',
  InvalidTranche: ([id]) => `There is no tranche #${String(id)}.`,
  DepositsPaused: () => 'Deposits are paused by the guardian right now. Withdrawals in their window still work.',
  CooldownExceedsBalance: ([requested, balance], ctx) =>
    `You asked to cool down ${shares(requested, ctx)} but hold only ${shares(balance, ctx)}.`,
  NoCooldownRequest: () => 'You have no withdrawal request for this tranche: request a cooldown first.',
  CooldownNotElapsed: ([windowStart], ctx) => `Your cooldown ends ${until(windowStart, ctx)}: withdrawals open then.`,
  UnstakeWindowLapsed: ([windowEnd], ctx) =>
    `Your withdrawal window closed ${since(windowEnd, ctx)}: the request has lapsed. Request a new cooldown.`,
  ExceedsCooldownShares: ([needed, available], ctx) =>
    `That needs ${shares(needed, ctx)} but your request covers only ${shares(available, ctx)}. Withdraw less or request a new cooldown.`,
  SharesLockedInCooldown: ([transferable, requested], ctx) =>
    `Only ${shares(transferable, ctx)} can move; ${shares(requested, ctx)} asked. Shares in cooldown cannot be transferred.`,
  TrancheWiped: () =>
    'This tranche was wiped out by a loss and takes no deposits until governance restarts it in a new share epoch (its remaining assets then go to the holders from before the loss).',
  TrancheNotWiped: () => 'Only a wiped tranche can be restarted in a new share epoch, and this one is not wiped.',
  NoSettlement: () =>
    'There is nothing to claim for this account: its shares belong to the current epoch, or its settlement was already paid.',
  NotGuardianOrOwner: () => 'Only the guardian or governance may do this.',
  NotModule: () => 'Only the backstop module may do this.',
  FaucetDisabled: ([chainId]) => `The faucet works on the local chain only (this is chain ${String(chainId)}).`,
  FaucetLimit: ([requested, limit], ctx) =>
    `The faucet gives at most ${assets(limit, ctx)} per request (asked ${assets(requested, ctx)}).`,

  // Clearinghouse: new risk gated on the backstop's solvency and the sequencer; staged market changes
  SolvencyBelowThreshold: ([ratio, threshold]) =>
    `New positions are refused while the backstop's capital is below its solvency threshold (${wadPercent(ratio)} of required capital, threshold ${wadPercent(threshold)}). Closing and liquidating still work.`,
  ProtocolNotCovered: () =>
    'New positions are refused: governance has removed this clearinghouse from the backstop, which no longer covers it. Closing still works.',
  ExposureAboveCap: ([exposure, cap], ctx) =>
    `New positions are refused while this protocol's exposure (${assets(exposure, ctx)} with this position) is above its cap of ${assets(cap, ctx)}. Closing and liquidating still work.`,

  // Covered protocols (the module's registry; governance proposals)
  UnknownProtocol: ([id]) => `The backstop has no covered protocol #${String(id)}.`,
  ProtocolAlreadyRegistered: ([, id]) =>
    `That clearinghouse is already covered protocol #${String(id)} (a removed protocol cannot be added again).`,
  ProtocolNotActive: ([id]) => `Covered protocol #${String(id)} has already been removed.`,
  TooManyProtocols: ([max]) => `The backstop covers at most ${String(max)} protocols, removed ones included.`,
  InvalidProtocolName: () =>
    'A protocol name may hold only printable ASCII characters (letters, digits, punctuation, spaces).',
  NotClearinghouse: () => 'Only a clearinghouse the backstop covers may draw on it.',
  SequencerDown: () =>
    "The network's sequencer is reported down: opening positions and liquidations wait until it is back and its grace period has passed.",
  SequencerGracePeriodNotOver: ([graceEnd], ctx) =>
    `The network's sequencer has just come back: opening positions and liquidations resume ${until(graceEnd, ctx)}.`,
  UnknownMarketChange: () =>
    'There is no such announced market change (it was never announced, already applied or cancelled).',
  MarketChangeNotReady: ([, readyAt], ctx) =>
    `This market change waits out the longest withdrawal delay first: it can be applied ${until(readyAt, ctx)}.`,

  // Dynamic premium and the risk steward (RiskSteward.sol)
  NotOwnerOrRiskSteward: () => 'Only governance or its risk steward may change this parameter.',
  NotKeeper: () => "Only the risk steward's keeper may post updates; governance sets parameters by proposal.",
  StewardPaused: () => 'Governance has paused the risk steward: no automatic update goes through until it resumes it.',
  StewardStepTooLarge: ([param, current, requested, maxStep]) =>
    `${stewardParameter(param)} may move at most ${wadNumber(maxStep)} per update from ${wadNumber(current)}; ${wadNumber(requested)} is further.`,
  StewardTooSoon: ([param, next], ctx) =>
    `${stewardParameter(param)} was updated recently: the steward may move it again ${until(next, ctx)}.`,
  UnknownStewardParameter: ([param]) => `The risk steward has no parameter #${String(param)}.`,

  ParameterOutOfBounds: ([name, value, lo, hi]) =>
    `${String(name)} must be between ${String(lo)} and ${String(hi)} (raw units); ${String(value)} is outside.`,

  // Governance (OpenZeppelin Governor and TimelockController)
  GovernorAlreadyCastVote: () =>
    'This account has already voted on this proposal: a vote cannot be changed or cast twice.',
  GovernorUnexpectedProposalState: ([, current]) => governorStateSentence(current),
  GovernorInsufficientProposerVotes: ([, votes, threshold]) =>
    `Your voting power (${bsg(votes)}) is below the proposal threshold (${bsg(threshold)}): gain or be delegated more votes first.`,
  GovernorNonexistentProposal: () => 'There is no such proposal.',
  GovernorInvalidVoteType: () => 'That is not a valid vote: choose For, Against or Abstain.',
  GovernorInvalidProposalLength: () => 'The proposal is malformed: targets, values and calldatas differ in length.',
  GovernorRestrictedProposer: () =>
    'This account may not submit this proposal (its description restricts the proposer).',
  GovernorOnlyExecutor: () => 'Only the timelock may do this.',
  GovernorQueueNotImplemented: () => 'This governor cannot queue proposals.',
  GovernorNotQueuedProposal: () => 'The proposal must be queued in the timelock first.',
  TimelockUnexpectedOperationState: () =>
    'The timelock is not ready for this: a queued proposal can be executed only once its delay has passed (and only once).',
  TimelockInsufficientDelay: () => 'The timelock delay is shorter than its minimum.',
  TimelockUnexecutedPredecessor: () => 'An earlier timelock operation must be executed first.',
  TimelockUnauthorizedCaller: () => 'Only the governor may do this in the timelock.',
  // Governance can never outpace an exit (ExitBeforeExecution.sol)
  GovernancePathTooShort: ([path, required]) =>
    `Refused: a proposal could then execute ${formatDuration(Number(big(path)))} after it is made, while a depositor who asks to leave at that moment needs more than ${formatDuration(Number(big(required)))} (the longest cooldown plus a day). Lengthen the voting delay, voting period or timelock delay first, or choose a shorter cooldown.`,
  ExecutionBeforeExit: ([, eta, exitBy], ctx) =>
    `Queued now, this proposal could execute ${until(eta, ctx)}, before depositors who asked to leave when it was made have had a day to leave. It can be queued once it cannot execute before ${formatUtc(Number(big(exitBy)))}.`,
  TimelockFixed: () =>
    'The governor keeps its timelock: that timelock owns the backstop, so a move to another one is refused.',
  AllocationMismatch: ([holders, amounts]) =>
    `The token allocation lists ${String(holders)} holders but ${String(amounts)} amounts: they must match.`,
  AllocationExceedsSupply: ([allocated, supply]) =>
    `The token allocations add up to ${bsg(allocated)}, more than the supply of ${bsg(supply)}.`,
  ERC5805FutureLookup: () => 'Voting power is looked up at a time that has not happened yet: wait for the next block.',

  ERC4626ExceededMaxDeposit: ([, amount, max], ctx) =>
    big(max) === 0n
      ? 'This tranche takes no deposits right now (its cap is reached, deposits are paused, or it was wiped by a loss).'
      : `That is more than the tranche can take: ${assets(max, ctx)} left under its cap (asked ${assets(amount, ctx)}).`,
  ERC4626ExceededMaxMint: ([, amount, max], ctx) =>
    `That is more than the tranche can mint: at most ${shares(max, ctx)} (asked ${shares(amount, ctx)}).`,
  ERC4626ExceededMaxWithdraw: ([, amount, max], ctx) =>
    big(max) === 0n
      ? 'Nothing can be withdrawn now: withdrawals need a cooldown request whose window is open.'
      : `You can withdraw at most ${assets(max, ctx)} now (asked ${assets(amount, ctx)}).`,
  ERC4626ExceededMaxRedeem: ([, amount, max], ctx) =>
    big(max) === 0n
      ? 'Nothing can be redeemed now: redemptions need a cooldown request whose window is open.'
      : `You can redeem at most ${shares(max, ctx)} now (asked ${shares(amount, ctx)}).`,
  ERC20InsufficientBalance: ([, balance, needed], ctx) =>
    `Your balance is ${assets(balance, ctx)} but this needs ${assets(needed, ctx)}.`,
  ERC20InsufficientAllowance: ([, allowance, needed], ctx) =>
    `The vault may spend ${assets(allowance, ctx)} of your ${ctx.asset.symbol} but this needs ${assets(needed, ctx)}: approve (or sign a permit for) the amount first.`,
  ERC20InvalidReceiver: () => 'The receiving address is invalid.',
  ERC20InvalidSender: () => 'The sending address is invalid.',
  ERC2612ExpiredSignature: ([deadline], ctx) => `The permit signature expired ${since(deadline, ctx)}: sign again.`,
  ERC2612InvalidSigner: () => 'The permit was not signed by this account: sign again with the connected account.',
};

export function describeCustomError(name: string, args: Args, ctx: ErrorContext): string {
  const sentence = ERROR_SENTENCES[name];
  if (sentence) return sentence(args, ctx);
  const shown = args.map((a) => String(a)).join(', ');
  return `The contract refused the transaction: ${name}(${shown}).`;
}
