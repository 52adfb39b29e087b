import { describe, expectTypeOf, it } from 'vitest';
import { testStablecoinAbi, trancheVaultAbi } from '@/lib/chain/abis.generated';
import { governorTxAbi } from '@/lib/governance/txAbi';
import type { TxRequest, WriteCall, WriteFunctionName } from './txRequest';

// Checked by `tsc --noEmit -p .` (and vitest's typecheck when asked): each @ts-expect-error fails the type check if the
// line below it stops being an error, so a loosened TxRequest shows up here.
const vault = '0x0000000000000000000000000000000000000001' as const;

describe('TxRequest', () => {
  it('accepts a write the ABI has, with its argument types', () => {
    const request: TxRequest<typeof trancheVaultAbi, 'deposit'> = {
      address: vault,
      abi: trancheVaultAbi,
      functionName: 'deposit',
      args: [1n, vault],
    };
    expectTypeOf(request.args).toEqualTypeOf<readonly [bigint, `0x${string}`]>();
  });

  it('rejects a function name the ABI lacks', () => {
    // @ts-expect-error 'depositt' is not a function of the vault
    const request: TxRequest<typeof trancheVaultAbi, 'depositt'> = {
      address: vault,
      abi: trancheVaultAbi,
      functionName: 'depositt',
      args: [],
    };
    expectTypeOf(request).not.toBeAny();
  });

  it('rejects a view, which is not a write', () => {
    expectTypeOf<'balanceOf'>().not.toMatchTypeOf<WriteFunctionName<typeof trancheVaultAbi>>();
    expectTypeOf<'deposit'>().toMatchTypeOf<WriteFunctionName<typeof trancheVaultAbi>>();
  });

  it('rejects arguments of the wrong type or number', () => {
    const wrongType: TxRequest<typeof testStablecoinAbi, 'approve'> = {
      address: vault,
      abi: testStablecoinAbi,
      functionName: 'approve',
      // @ts-expect-error the amount is a bigint, not a string
      args: [vault, '1000'],
    };
    const missing: TxRequest<typeof testStablecoinAbi, 'approve'> = {
      address: vault,
      abi: testStablecoinAbi,
      functionName: 'approve',
      // @ts-expect-error approve takes a spender and an amount
      args: [vault],
    };
    expectTypeOf(wrongType).not.toBeAny();
    expectTypeOf(missing).not.toBeAny();
  });

  it('keeps the governor ABI literal, so governance writes are checked too', () => {
    expectTypeOf<'castVoteWithReason'>().toMatchTypeOf<WriteFunctionName<typeof governorTxAbi>>();
    expectTypeOf<'castVoteWithReasonn'>().not.toMatchTypeOf<WriteFunctionName<typeof governorTxAbi>>();
  });
});

describe('WriteCall', () => {
  it('ties the arguments to the function name', () => {
    const call: WriteCall<typeof testStablecoinAbi> = { functionName: 'faucet', args: [1n] };
    // @ts-expect-error faucet takes an amount, not an address
    const wrong: WriteCall<typeof testStablecoinAbi> = { functionName: 'faucet', args: [vault] };
    expectTypeOf(call).not.toBeAny();
    expectTypeOf(wrong).not.toBeAny();
  });
});
