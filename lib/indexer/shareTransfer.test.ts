import { describe, expect, it } from 'vitest';
import { transferSides } from './shareTransfer';

const ZERO = '0x0000000000000000000000000000000000000000';
const ALICE = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const BOB = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

describe('transferSides', () => {
  it('gives the sender a transfer-out and the receiver a transfer-in, with distinct ids', () => {
    expect(transferSides(ALICE, BOB)).toEqual([
      { idSuffix: ':out', account: ALICE, kind: 'transfer-out' },
      { idSuffix: ':in', account: BOB, kind: 'transfer-in' },
    ]);
  });

  it('leaves mints and burns to Deposit, Withdraw and RequestEarningsForfeited', () => {
    expect(transferSides(ZERO, ALICE)).toEqual([]);
    expect(transferSides(ALICE, ZERO)).toEqual([]);
  });

  it('ignores a transfer to oneself, however the address is cased', () => {
    expect(transferSides(ALICE, ALICE.toLowerCase() as `0x${string}`)).toEqual([]);
  });
});
