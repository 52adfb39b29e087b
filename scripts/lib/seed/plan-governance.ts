import { encodeFunctionData, parseUnits } from 'viem';
import type { WriteCall } from '../../../lib/tx/txRequest';
import { abis } from './artifacts';
import { depositor, type SeedContext } from './context';
import { buildProposal, VOTE, type Action, type ProposalState } from './governance';
import { CRASH_HOURS, TOTAL_FALL, WORST_HOUR } from './crashPath';
import { STALLED_HOURS } from './plan-market';
import { DAY } from './timeline';

const wad = (n: string) => parseUnits(n, 18);
/** The crash as the proposals quote it (crashPath.ts). */
const WORST = `${Math.round(-WORST_HOUR * 100)}%`;
const FALL = `${Math.round(-TOTAL_FALL * 100)}%`;
const usd = (n: string) => parseUnits(n, 6);

type Vote = [day: number, hour: number, who: number, support: number, reason: string];

interface Plan {
  expected: ProposalState;
  proposer: number;
  propose: [day: number, hour: number];
  title: string;
  rationale: string;
  actions: (ctx: SeedContext) => Action[];
  votes?: Vote[];
  cancel?: [number, number];
  queue?: [number, number];
  execute?: [number, number];
}

/** A call to the module, checked against its generated ABI. */
const moduleCall = (ctx: SeedContext, call: WriteCall<typeof abis.module>): Action => ({
  target: ctx.deployment.contracts.module,
  calldata: encodeFunctionData({ abi: abis.module, ...call }),
});

/**
 * Planned backwards from the end of the history (day 120) so that each proposal sits in its state when seeding
 * ends and stays there for hours of real time afterwards: voting delay 1 day, voting period 3 days, timelock 5 days
 * (GOVERNANCE in params.ts). Voting power is minted at deploy, already delegated (VOTING_POWER in params.ts).
 */
const PLANS: Plan[] = [
  {
    expected: 'Executed',
    proposer: 1,
    propose: [65, 9],
    title: 'Restart Junior and raise its risk multiplier to 3.5x',
    rationale: `The ETH crash on day 60 (${FALL} in ${CRASH_HOURS} hours, liquidations stalled for the first
${STALLED_HOURS} hours) wiped out the Junior tranche. First-loss capital has to be paid for the risk it carries, or it will not come back.

- Junior risk multiplier: **3.0x → 3.5x**
- Junior's share of premiums rises accordingly; Mezzanine and Senior keep their multipliers.
- Junior starts a new share epoch: what the crash left (the premium still vesting) is settled on the holders from
  before it, and deposits reopen at the initial share price.`,
    actions: (ctx) => [
      moduleCall(ctx, { functionName: 'setRiskMultiplier', args: [0, wad('3.5')] }),
      moduleCall(ctx, { functionName: 'startNewEpoch', args: [0] }),
    ],
    votes: [
      [66, 12, 1, VOTE.for, 'Junior needs a higher share of premium to be rebuilt.'],
      [66, 15, 3, VOTE.for, 'Agreed.'],
      [67, 10, 6, VOTE.for, ''],
      [68, 8, 7, VOTE.abstain, 'Fine with it, but the fee level matters more.'],
    ],
    queue: [69, 12],
    execute: [75, 14],
  },
  {
    expected: 'Canceled',
    proposer: 4,
    propose: [88, 10],
    title: 'Shorten the Senior cooldown to 5 days',
    rationale: `Senior depositors ask for faster exits. A 5-day cooldown still outlasts any oracle lag we have seen.

- Senior cooldown: **7 days → 5 days**`,
    actions: (ctx) => [moduleCall(ctx, { functionName: 'setCooldown', args: [2, 5n * BigInt(DAY)] })],
    cancel: [88, 16],
  },
  {
    expected: 'Defeated',
    proposer: 5,
    propose: [100, 11],
    title: 'Lower the ETH stress loss rate to 8%',
    rationale: `Required capital for ETH looks conservative at 12% now that prices have recovered.

- ETH stress loss rate: **12% → 8%**`,
    actions: (ctx) => [moduleCall(ctx, { functionName: 'setStressLossRate', args: [0n, wad('0.08')] })],
    votes: [
      [101, 15, 1, VOTE.against, `ETH fell ${WORST} in one hour and ${FALL} in a day forty days ago. No.`],
      [102, 9, 2, VOTE.against, 'The crash shortfall was well above 8% of open interest.'],
      [102, 18, 5, VOTE.for, ''],
      [103, 7, 6, VOTE.for, 'Capital efficiency matters too.'],
    ],
  },
  {
    expected: 'Queued',
    proposer: 3,
    propose: [113, 8],
    title: 'Raise the Mezzanine and Senior deposit caps',
    rationale: `Both tranches are close to their caps while open interest keeps growing.

- Mezzanine cap: **4M → 5M tUSD**
- Senior cap: **8M → 10M tUSD**`,
    actions: (ctx) => [
      moduleCall(ctx, { functionName: 'setDepositCap', args: [1, usd('5000000')] }),
      moduleCall(ctx, { functionName: 'setDepositCap', args: [2, usd('10000000')] }),
    ],
    votes: [
      [114, 14, 1, VOTE.for, ''],
      [115, 9, 3, VOTE.for, 'More capital, better solvency.'],
      [116, 10, 5, VOTE.for, ''],
    ],
    queue: [119, 2],
  },
  {
    expected: 'Succeeded',
    proposer: 2,
    propose: [114, 16],
    title: 'Raise the ETH stress loss rate to 15%',
    rationale: `The day-60 crash moved ETH ${WORST} in its worst hour and ${FALL} in ${CRASH_HOURS} hours, and
liquidations stalled for ${STALLED_HOURS} of them while the network was congested; 12% understates what such a gap
costs. Required capital for ETH rises by a quarter.

- ETH stress loss rate: **12% → 15%**`,
    actions: (ctx) => [moduleCall(ctx, { functionName: 'setStressLossRate', args: [0n, wad('0.15')] })],
    votes: [
      [116, 9, 1, VOTE.for, 'Matches what we saw in the crash.'],
      [116, 20, 2, VOTE.for, ''],
      [117, 11, 4, VOTE.for, ''],
      [117, 13, 7, VOTE.against, 'Too expensive for traders.'],
    ],
  },
  {
    expected: 'Active',
    proposer: 6,
    propose: [118, 1],
    title: 'Shorten premium vesting to 5 days',
    rationale: `Premiums vest over 7 days today. Five days still stops deposit sniping before a payment while paying
depositors sooner.

- Premium vesting period: **7 days → 5 days**`,
    actions: (ctx) => [moduleCall(ctx, { functionName: 'setPremiumVestingPeriod', args: [5n * BigInt(DAY)] })],
    votes: [
      [119, 7, 3, VOTE.for, ''],
      [119, 12, 7, VOTE.against, 'Vesting protects existing depositors; keep 7 days.'],
    ],
  },
  {
    expected: 'Pending',
    proposer: 7,
    propose: [119, 21],
    title: 'Lengthen the Senior unstake window to 3 days',
    rationale: `Two days is short for depositors who do not watch the dashboard daily; a missed window means another
full cooldown.

- Senior unstake window: **2 days → 3 days**`,
    actions: (ctx) => [moduleCall(ctx, { functionName: 'setUnstakeWindow', args: [2, 3n * BigInt(DAY)] })],
  },
];

export function planGovernance(ctx: SeedContext): void {
  for (const plan of PLANS) {
    const proposal = buildProposal(plan.title, plan.rationale, plan.actions(ctx));
    ctx.proposals.push({ proposal, expected: plan.expected });
    const when = ([day, hour]: [number, number]) => ctx.at(day, hour);
    const proposer = depositor(ctx, plan.proposer);
    ctx.timeline.at(when(plan.propose), `propose "${plan.title}"`, async () => {
      await ctx.gov.propose(proposer, proposal);
    });
    for (const [day, hour, who, support, reason] of plan.votes ?? []) {
      ctx.timeline.at(ctx.at(day, hour), `vote on "${plan.title}"`, () =>
        ctx.gov.vote(depositor(ctx, who), proposal, support, reason),
      );
    }
    if (plan.cancel)
      ctx.timeline.at(when(plan.cancel), `cancel "${plan.title}"`, () => ctx.gov.cancel(proposer, proposal));
    if (plan.queue) ctx.timeline.at(when(plan.queue), `queue "${plan.title}"`, () => ctx.gov.queue(proposer, proposal));
    if (plan.execute)
      ctx.timeline.at(when(plan.execute), `execute "${plan.title}"`, () => ctx.gov.execute(proposer, proposal));
  }
}

/** Throws unless every proposal is in the state the plan promised. */
export async function verifyGovernance(ctx: SeedContext): Promise<{ title: string; state: ProposalState }[]> {
  const states = await Promise.all(ctx.proposals.map(({ proposal }) => ctx.gov.state(proposal)));
  const wrong = ctx.proposals.filter((p, i) => states[i] !== p.expected);
  if (wrong.length > 0) {
    const lines = wrong.map(
      (p) => `"${p.proposal.title}" is ${states[ctx.proposals.indexOf(p)]}, expected ${p.expected}`,
    );
    throw new Error(`Governance history did not end in the planned states:\n  ${lines.join('\n  ')}`);
  }
  return ctx.proposals.map((p, i) => ({ title: p.proposal.title, state: states[i]! }));
}
