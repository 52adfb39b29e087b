import { ContractFunctionExecutionError, ContractFunctionRevertedError, encodeErrorResult, zeroHash } from 'viem';
import { describe, expect, it } from 'vitest';
import { describeTxError } from '@/lib/tx/describeTxError';
import type { ErrorContext } from '@/lib/tx/errorMessages';
import { governorTxAbi } from './txAbi';

const ctx: ErrorContext = {
  now: 1_800_000_000,
  asset: { decimals: 6, symbol: 'tUSD' },
  shares: { decimals: 18, symbol: 'BSG' },
};
const VOTER = '0x0000000000000000000000000000000000000007';

function revert(errorName: string, args: readonly unknown[], functionName = 'execute') {
  const data = encodeErrorResult({ abi: governorTxAbi, errorName, args } as never);
  const cause = new ContractFunctionRevertedError({ abi: governorTxAbi, data, functionName });
  return new ContractFunctionExecutionError(cause, { abi: governorTxAbi, functionName, args: [] });
}

describe('governance reverts in words', () => {
  it('voting twice', () => {
    expect(describeTxError(revert('GovernorAlreadyCastVote', [VOTER], 'castVoteWithReason'), ctx).message).toMatch(
      /already voted/,
    );
  });
  it('voting after the end names the state', () => {
    expect(
      describeTxError(revert('GovernorUnexpectedProposalState', [1n, 3, zeroHash], 'castVoteWithReason'), ctx).message,
    ).toBe('The proposal is defeated: it can no longer be voted on, queued or executed.');
  });
  it('proposing under the threshold gives both numbers', () => {
    expect(
      describeTxError(
        revert('GovernorInsufficientProposerVotes', [VOTER, 5_000n * 10n ** 18n, 10_000n * 10n ** 18n], 'propose'),
        ctx,
      ).message,
    ).toBe(
      'Your voting power (5,000 BSG) is below the proposal threshold (10,000 BSG): gain or be delegated more votes first.',
    );
  });
  it('executing early (the timelock error, bubbled through the governor)', () => {
    expect(describeTxError(revert('TimelockUnexpectedOperationState', [zeroHash, zeroHash]), ctx).message).toMatch(
      /only once its delay has passed/,
    );
  });
  it('a parameter out of the contract bounds', () => {
    expect(describeTxError(revert('ParameterOutOfBounds', ['cooldown', 61n, 0n, 60n]), ctx).message).toMatch(
      /^cooldown must be between 0 and 60/,
    );
  });
  it('executing a change that would let governance outpace an exit (the module error, bubbled up)', () => {
    expect(describeTxError(revert('GovernancePathTooShort', [8n * 86_400n, 8n * 86_400n]), ctx).message).toMatch(
      /^Refused: a proposal could then execute 8 d after it is made/,
    );
  });
  it('queueing before depositors who asked at proposal time could leave', () => {
    expect(
      describeTxError(revert('ExecutionBeforeExit', [1n, 1_800_003_600n, 1_800_086_400n], 'queue'), ctx).message,
    ).toMatch(
      /^Queued now, this proposal could execute in 1 h .* It can be queued once it cannot execute before .+ UTC\.$/,
    );
  });
});
