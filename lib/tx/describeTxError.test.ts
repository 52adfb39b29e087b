import {
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  encodeErrorResult,
  HttpRequestError,
  UserRejectedRequestError,
} from 'viem';
import { describe, expect, it } from 'vitest';
import {
  backstopGovernorAbi,
  backstopModuleAbi,
  clearinghouseAbi,
  riskStewardAbi,
  trancheVaultAbi,
} from '@/lib/chain/abis.generated';
import { describeTxError } from './describeTxError';
import type { ErrorContext } from './errorMessages';

const NOW = 1_800_000_000;
const ctx: ErrorContext = {
  now: NOW,
  asset: { decimals: 6, symbol: 'tUSD' },
  shares: { decimals: 12, symbol: 'bsMEZ' },
};

function revert(errorName: string, args: readonly unknown[], abi: readonly unknown[] = trancheVaultAbi) {
  const data = encodeErrorResult({ abi, errorName, args } as never);
  const cause = new ContractFunctionRevertedError({ abi: abi as never, data, functionName: 'withdraw' });
  return new ContractFunctionExecutionError(cause, { abi: abi as never, functionName: 'withdraw', args: [] });
}

function clearinghouseRevert(errorName: string, args: readonly unknown[]) {
  const data = encodeErrorResult({ abi: clearinghouseAbi, errorName, args } as never);
  const cause = new ContractFunctionRevertedError({ abi: clearinghouseAbi, data, functionName: 'openPosition' });
  return new ContractFunctionExecutionError(cause, { abi: clearinghouseAbi, functionName: 'openPosition', args: [] });
}

describe('describeTxError', () => {
  it("decodes the risk steward's refusals into the parameter, its step and when it may move again", () => {
    const step = describeTxError(
      revert('StewardStepTooLarge', [0, 3n * 10n ** 18n, 4n * 10n ** 18n, 3n * 10n ** 17n], riskStewardAbi),
      ctx,
    );
    expect(step.message).toBe('Junior risk multiplier may move at most 0.3 per update from 3; 4 is further.');
    const soon = describeTxError(revert('StewardTooSoon', [3, BigInt(NOW + 6 * 3_600)], riskStewardAbi), ctx);
    expect(soon.message).toMatch(/^Premium volatility was updated recently: the steward may move it again in 6 h/);
    expect(describeTxError(revert('StewardPaused', [], riskStewardAbi), ctx).message).toMatch(
      /paused the risk steward/,
    );
    expect(describeTxError(clearinghouseRevert('NotOwnerOrRiskSteward', [`0x${'12'.repeat(20)}`]), ctx).message).toBe(
      'Only governance or its risk steward may change this parameter.',
    );
  });

  it('says new positions wait for the backstop to be solvent, with both ratios as percentages', () => {
    const problem = describeTxError(
      clearinghouseRevert('SolvencyBelowThreshold', [850_000_000_000_000_000n, 10n ** 18n]),
      ctx,
    );
    expect(problem.kind).toBe('revert');
    expect(problem.message).toBe(
      "New positions are refused while the backstop's capital is below its solvency threshold (85.0 % of required capital, threshold 100.0 %). Closing and liquidating still work.",
    );
  });

  it("says an open is refused while its protocol's exposure is above its cap, in asset units", () => {
    const problem = describeTxError(clearinghouseRevert('ExposureAboveCap', [54_450_000_000n, 50_000_000_000n]), ctx);
    expect(problem.kind).toBe('revert');
    expect(problem.message).toMatch(
      /exposure \(54,450(\.00)? tUSD with this position\) is above its cap of 50,000(\.00)? tUSD/,
    );
    expect(describeTxError(clearinghouseRevert('ProtocolNotCovered', [`0x${'34'.repeat(20)}`]), ctx).message).toMatch(
      /no longer covers it/,
    );
  });

  it('says when trading resumes after the sequencer comes back, and that it waits while it is down', () => {
    const grace = describeTxError(clearinghouseRevert('SequencerGracePeriodNotOver', [BigInt(NOW + 1_800)]), ctx);
    expect(grace.message).toMatch(
      /^The network's sequencer has just come back: opening positions and liquidations resume in 30 min \(at .+ UTC\)\.$/,
    );
    expect(describeTxError(clearinghouseRevert('SequencerDown', []), ctx).message).toMatch(
      /sequencer is reported down/,
    );
  });

  it('says when an announced market change can be applied', () => {
    const id = `0x${'ab'.repeat(32)}`;
    const early = describeTxError(clearinghouseRevert('MarketChangeNotReady', [id, BigInt(NOW + 10 * 86_400)]), ctx);
    expect(early.message).toMatch(
      /^This market change waits out the longest withdrawal delay first: it can be applied in 10 d/,
    );
    expect(describeTxError(clearinghouseRevert('UnknownMarketChange', [id]), ctx).message).toMatch(
      /no such announced market change/,
    );
  });

  it('says when the cooldown ends, in days and hours and as a UTC time', () => {
    const at = NOW + 3 * 86_400 + 4 * 3_600;
    const problem = describeTxError(revert('CooldownNotElapsed', [BigInt(at)]), ctx);
    expect(problem.kind).toBe('revert');
    expect(problem.message).toBe('Your cooldown ends in 3 d 4 h (at 2027-01-18 12:00 UTC): withdrawals open then.');
  });

  it('says a lapsed window lapsed and what to do', () => {
    const problem = describeTxError(revert('UnstakeWindowLapsed', [BigInt(NOW - 3_600)]), ctx);
    expect(problem.message).toMatch(
      /^Your withdrawal window closed 1 h ago \(at .+ UTC\): the request has lapsed\. Request a new cooldown\.$/,
    );
  });

  it('formats amounts in the right unit', () => {
    const max = describeTxError(
      revert('ERC4626ExceededMaxDeposit', ['0x0000000000000000000000000000000000000001', 5_000_000n, 2_500_000n]),
      ctx,
    );
    expect(max.message).toBe('That is more than the tranche can take: 2.50 tUSD left under its cap (asked 5.00 tUSD).');
    const allowance = describeTxError(
      revert('ERC20InsufficientAllowance', ['0x0000000000000000000000000000000000000001', 0n, 1_000_000_000n]),
      ctx,
    );
    expect(allowance.message).toMatch(/may spend 0.00 tUSD of your tUSD but this needs 1,000.00 tUSD/);
    const shares = describeTxError(revert('ExceedsCooldownShares', [2_000_000_000_000n, 1_000_000_000_000n]), ctx);
    expect(shares.message).toMatch(/needs 2.0000 bsMEZ but your request covers only 1.0000 bsMEZ/);
  });

  it('says why a wiped tranche refuses deposits and what reopens it', () => {
    const problem = describeTxError(revert('TrancheWiped', [0]), ctx);
    expect(problem.kind).toBe('revert');
    expect(problem.message).toBe(
      'This tranche was wiped out by a loss and takes no deposits until governance restarts it in a new share epoch (its remaining assets then go to the holders from before the loss).',
    );
    expect(describeTxError(revert('TrancheNotWiped', [1]), ctx).message).toMatch(
      /^Only a wiped tranche can be restarted/,
    );
    expect(
      describeTxError(revert('NoSettlement', ['0x0000000000000000000000000000000000000001']), ctx).message,
    ).toMatch(/^There is nothing to claim for this account/);
  });

  it('treats a declined wallet prompt calmly', () => {
    const problem = describeTxError(new UserRejectedRequestError(new Error('User rejected the request.')), ctx);
    expect(problem).toEqual({
      kind: 'rejected',
      message: 'You declined in your wallet. Nothing was sent; the form is kept.',
    });
  });

  it('says when the RPC node is unreachable', () => {
    const problem = describeTxError(new HttpRequestError({ url: 'http://127.0.0.1:1', body: {} }), ctx);
    expect(problem.kind).toBe('rpc');
    expect(problem.message).toMatch(/did not answer, so nothing was sent/);
  });

  it('names an error it has no sentence for', () => {
    const problem = describeTxError(revert('NotModule', ['0x0000000000000000000000000000000000000002']), ctx);
    expect(problem.message).toBe('Only the backstop module may do this.');
  });

  it('explains a governance change refused because governance would outpace an exit', () => {
    const day = 86_400n;
    const setter = describeTxError(revert('GovernancePathTooShort', [8n * day, 8n * day], backstopModuleAbi), ctx);
    expect(setter.kind).toBe('revert');
    expect(setter.message).toBe(
      'Refused: a proposal could then execute 8 d after it is made, while a depositor who asks to leave at that moment needs more than 8 d (the longest cooldown plus a day). Lengthen the voting delay, voting period or timelock delay first, or choose a shorter cooldown.',
    );
    // Bubbled up through the governor's execute, decoded with the governor's ABI.
    expect(
      describeTxError(revert('GovernancePathTooShort', [8n * day, 9n * day], backstopGovernorAbi), ctx).message,
    ).toMatch(/execute 8 d after it is made, .* more than 9 d \(the longest cooldown plus a day\)/);
    const queue = describeTxError(
      revert('ExecutionBeforeExit', [1n, BigInt(NOW + 3_600), BigInt(NOW + 2 * 86_400)], backstopGovernorAbi),
      ctx,
    );
    expect(queue.message).toBe(
      'Queued now, this proposal could execute in 1 h (at 2027-01-15 09:00 UTC), before depositors who asked to leave when it was made have had a day to leave. It can be queued once it cannot execute before 2027-01-17 08:00 UTC.',
    );
    expect(describeTxError(revert('TimelockFixed', [], backstopGovernorAbi), ctx).message).toMatch(
      /keeps its timelock/,
    );
  });
});
