import { describe, expectTypeOf, it } from 'vitest';
import { abis } from './artifacts';
import type { SendRequest, TxSender } from './tx';

// Type-level: checked by `tsc --noEmit -p scripts`. Each @ts-expect-error fails the type check if the line below it
// stops being an error, so a renamed Solidity function (after `npm run abis`) breaks the seed at compile time.
const to = '0x0000000000000000000000000000000000000002' as const;
declare const tx: TxSender;

describe('TxSender types', () => {
  it('accepts a send the ABI has', () => {
    const req: SendRequest<typeof abis.vault, 'deposit'> = {
      from: to,
      to,
      abi: abis.vault,
      functionName: 'deposit',
      args: [1n, to],
    };
    expectTypeOf(req.args).toEqualTypeOf<readonly [bigint, `0x${string}`]>();
  });

  it('rejects a send with a wrong function name or argument type', () => {
    // @ts-expect-error 'fundHous' is not a clearinghouse function
    const misnamed: SendRequest<typeof abis.clearinghouse, 'fundHous'> = {
      from: to,
      to,
      abi: abis.clearinghouse,
      functionName: 'fundHous',
      args: [1n],
    };
    const wrongType: SendRequest<typeof abis.clearinghouse, 'fundHouse'> = {
      from: to,
      to,
      abi: abis.clearinghouse,
      functionName: 'fundHouse',
      // @ts-expect-error the amount is a bigint
      args: [1],
    };
    expectTypeOf(misnamed).not.toBeAny();
    expectTypeOf(wrongType).not.toBeAny();
  });

  it('types send() and read() calls by the ABI', () => {
    // Never called: only type-checked.
    const calls = () => {
      void tx.send({ from: to, to, abi: abis.stablecoin, functionName: 'faucet', args: [1n] });
      // @ts-expect-error no such function
      void tx.send({ from: to, to, abi: abis.stablecoin, functionName: 'faucett', args: [1n] });
      // @ts-expect-error faucet takes a bigint
      void tx.send({ from: to, to, abi: abis.stablecoin, functionName: 'faucet', args: ['1'] });
      // @ts-expect-error no such view
      void tx.read(to, abis.module, 'totalCapitall');
      // @ts-expect-error stressLossRate needs a market id
      void tx.read(to, abis.module, 'stressLossRate');
      // @ts-expect-error the market id is a bigint
      void tx.read(to, abis.module, 'stressLossRate', [0]);
      return tx.read(to, abis.module, 'stressLossRate', [0n]);
    };
    expectTypeOf(calls).returns.resolves.toEqualTypeOf<bigint>();
  });
});
