import { describe, expect, it } from 'vitest';
import { proposalIdOf } from './proposalId';

describe('proposalIdOf', () => {
  it('matches the id the governor gave a seeded proposal (hashProposal)', () => {
    // From the seeded chain (seed 1): "Shorten premium vesting to 5 days", setPremiumVestingPeriod(5 days) on the module.
    const description =
      '# Shorten premium vesting to 5 days\n\nPremiums vest over 7 days today. Five days still stops deposit sniping before a payment while paying\ndepositors sooner.\n\n- Premium vesting period: **7 days → 5 days**\n';
    expect(
      proposalIdOf(
        ['0xe7f1725e7734ce288f8367e1bb143e90bb3f0512'],
        [0n],
        ['0x8a646c7d0000000000000000000000000000000000000000000000000000000000069780'],
        description,
      ),
    ).toBe(15789111039384677955536647078638256591365857747166807989497524231011369884854n);
  });
});
