import { zeroAddress, type Address } from 'viem';

/** ExitBeforeExecution.MARGIN in seconds. */
const EXIT_MARGIN = 86_400n;

/** What the deploy reads back from the chain to judge that only governance holds power. */
export interface PowerFacts {
  timelock: Address;
  governor: Address;
  deployer: Address;
  moduleOwner: Address;
  clearinghouseOwner: Address;
  /** RiskSteward.owner() */
  stewardOwner: Address;
  /** BackstopModule.governor() */
  boundGovernor: Address;
  /** BackstopGovernor.timelock() */
  governorTimelock: Address;
  /** totalSupply × quorumNumerator / quorumDenominator */
  quorum: bigint;
  /** votingDelay + votingPeriod + timelock delay, as BackstopModule.governancePath() reports it */
  governancePath: bigint;
  longestCooldown: bigint;
  /** Names of the timelock roles the deployer still holds. */
  deployerRoles: readonly string[];
  deployerVotes: bigint;
  guardian: { cancels: boolean; proposes: boolean; admin: boolean };
  /** BSG balance and delegate of the deployer and of every initial holder. */
  holders: readonly { address: Address; balance: bigint; delegate: Address }[];
}

/**
 * Every way the deploy left power outside governance, in words (none when all is well): the timelock must own the
 * module, the clearinghouse and the risk steward, the module must be bound to the governor, which executes through that timelock, with
 * a path longer than the longest cooldown plus a day; the deployer may hold no timelock role and neither votes nor
 * BSG worth a quorum; no holder but the timelock (the treasury, which moves only by vote) may sit undelegated on a
 * quorum; the guardian may cancel queued operations and do nothing else in the timelock.
 */
export function powerProblems(f: PowerFacts): string[] {
  const same = (x: Address, y: Address) => x.toLowerCase() === y.toLowerCase();
  const problems: string[] = [];
  if (!same(f.moduleOwner, f.timelock)) problems.push(`the module is owned by ${f.moduleOwner}, not the timelock`);
  if (!same(f.clearinghouseOwner, f.timelock))
    problems.push(`the clearinghouse is owned by ${f.clearinghouseOwner}, not the timelock`);
  if (!same(f.stewardOwner, f.timelock))
    problems.push(`the risk steward is owned by ${f.stewardOwner}, not the timelock`);
  if (!same(f.boundGovernor, f.governor))
    problems.push(`the module is bound to governor ${f.boundGovernor}, not ${f.governor}`);
  if (!same(f.governorTimelock, f.timelock))
    problems.push(`the governor executes through ${f.governorTimelock}, not the timelock`);
  if (f.governancePath <= f.longestCooldown + EXIT_MARGIN) {
    problems.push(
      `the path from proposal to execution (${f.governancePath} s) is not longer than the longest cooldown plus a day (${f.longestCooldown + EXIT_MARGIN} s)`,
    );
  }
  for (const role of f.deployerRoles) problems.push(`the deployer holds the timelock's ${role} role`);
  if (f.deployerVotes >= f.quorum)
    problems.push(`the deployer has ${f.deployerVotes} votes, at least a quorum (${f.quorum})`);
  if (!f.guardian.cancels) problems.push('the guardian cannot cancel queued operations');
  if (f.guardian.proposes || f.guardian.admin)
    problems.push('the guardian holds more than the canceller role in the timelock');
  for (const h of f.holders) {
    if (same(h.address, f.timelock)) continue;
    if (same(h.address, f.deployer) && h.balance >= f.quorum) {
      problems.push(`the deployer holds ${h.balance} BSG, at least a quorum (${f.quorum})`);
    } else if (same(h.delegate, zeroAddress) && h.balance >= f.quorum) {
      problems.push(`${h.address} holds ${h.balance} BSG undelegated, at least a quorum (${f.quorum})`);
    }
  }
  return problems;
}
