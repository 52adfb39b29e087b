import type { Address } from 'viem';
import { zeroAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { powerProblems, type PowerFacts } from './deployPowerCheck';

const a = (n: number) => `0x${n.toString(16).padStart(40, '0')}` as Address;
const TIMELOCK = a(1);
const GOVERNOR = a(2);
const DEPLOYER = a(3);
const VOTER = a(4);
const DAY = 86_400n;
const BSG = 10n ** 18n;

/** The facts of a good deploy: the defaults (1 d + 3 d + 5 d against 7-day cooldowns), the treasury in the timelock. */
const good = (): PowerFacts => ({
  timelock: TIMELOCK,
  governor: GOVERNOR,
  deployer: DEPLOYER,
  moduleOwner: TIMELOCK,
  clearinghouseOwner: TIMELOCK,
  stewardOwner: TIMELOCK,
  boundGovernor: GOVERNOR,
  governorTimelock: TIMELOCK,
  quorum: 40_000n * BSG,
  governancePath: 9n * DAY,
  longestCooldown: 7n * DAY,
  deployerRoles: [],
  deployerVotes: 0n,
  guardian: { cancels: true, proposes: false, admin: false },
  holders: [
    { address: DEPLOYER, balance: 0n, delegate: zeroAddress },
    { address: VOTER, balance: 120_000n * BSG, delegate: VOTER },
    { address: TIMELOCK, balance: 600_000n * BSG, delegate: zeroAddress },
  ],
});

describe('powerProblems (the deploy check)', () => {
  it('passes the default deploy: the undelegated treasury in the timelock is allowed', () => {
    expect(powerProblems(good())).toEqual([]);
  });

  it('refuses the old deploy: the deployer holding 600k undelegated BSG', () => {
    const f = good();
    f.holders = [{ address: DEPLOYER, balance: 600_000n * BSG, delegate: zeroAddress }, ...f.holders.slice(1)];
    expect(powerProblems(f)).toEqual([
      `the deployer holds ${600_000n * BSG} BSG, at least a quorum (${40_000n * BSG})`,
    ]);
  });

  it('refuses deployer votes worth a quorum and any undelegated holder of a quorum', () => {
    const f = good();
    f.deployerVotes = 40_000n * BSG;
    f.holders = [...f.holders, { address: a(9), balance: 40_000n * BSG, delegate: zeroAddress }];
    expect(powerProblems(f)).toEqual([
      `the deployer has ${40_000n * BSG} votes, at least a quorum (${40_000n * BSG})`,
      `${a(9)} holds ${40_000n * BSG} BSG undelegated, at least a quorum (${40_000n * BSG})`,
    ]);
    // Just under a quorum, or delegated, is fine.
    f.deployerVotes = 40_000n * BSG - 1n;
    f.holders = [...good().holders, { address: a(9), balance: 40_000n * BSG, delegate: a(9) }];
    expect(powerProblems(f)).toEqual([]);
  });

  it('refuses the old timings: 1 d + 3 d + 2 d is not longer than a 7-day cooldown plus a day', () => {
    expect(powerProblems({ ...good(), governancePath: 6n * DAY })).toEqual([
      `the path from proposal to execution (${6n * DAY} s) is not longer than the longest cooldown plus a day (${8n * DAY} s)`,
    ]);
    expect(powerProblems({ ...good(), governancePath: 8n * DAY })).toHaveLength(1);
    expect(powerProblems({ ...good(), governancePath: 8n * DAY + 1n })).toEqual([]);
  });

  it('refuses a guardian that cannot cancel, or can do more, and leftover deployer roles and owners', () => {
    expect(powerProblems({ ...good(), guardian: { cancels: false, proposes: false, admin: false } })).toEqual([
      'the guardian cannot cancel queued operations',
    ]);
    expect(powerProblems({ ...good(), guardian: { cancels: true, proposes: true, admin: false } })).toEqual([
      'the guardian holds more than the canceller role in the timelock',
    ]);
    expect(
      powerProblems({ ...good(), deployerRoles: ['admin'], moduleOwner: DEPLOYER, boundGovernor: zeroAddress }),
    ).toEqual([
      `the module is owned by ${DEPLOYER}, not the timelock`,
      `the module is bound to governor ${zeroAddress}, not ${GOVERNOR}`,
      "the deployer holds the timelock's admin role",
    ]);
    expect(powerProblems({ ...good(), stewardOwner: DEPLOYER })).toEqual([
      `the risk steward is owned by ${DEPLOYER}, not the timelock`,
    ]);
  });
});
