import { keccak256, stringToHex, type Address, type Hex } from 'viem';
import type { Deployment } from '../deployment';
import { abis } from './artifacts';
import type { TxSender } from './tx';

/** OpenZeppelin Governor's ProposalState, by index. */
export const PROPOSAL_STATES = [
  'Pending',
  'Active',
  'Canceled',
  'Defeated',
  'Succeeded',
  'Queued',
  'Expired',
  'Executed',
] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export const VOTE = { against: 0, for: 1, abstain: 2 } as const;

/** One call a proposal makes, encoded from a typed ABI. */
export interface Action {
  target: Address;
  calldata: Hex;
}

export interface Proposal {
  title: string;
  targets: Address[];
  values: bigint[];
  calldatas: Hex[];
  description: string;
  descriptionHash: Hex;
  id?: bigint;
}

export function buildProposal(title: string, rationale: string, actions: readonly Action[]): Proposal {
  const description = `# ${title}\n\n${rationale.trim()}\n`;
  return {
    title,
    targets: actions.map((a) => a.target),
    values: actions.map(() => 0n),
    calldatas: actions.map((a) => a.calldata),
    description,
    descriptionHash: keccak256(stringToHex(description)),
  };
}

/** Proposing, voting, queueing and executing through the governor, as any token holder would. */
export class Governance {
  constructor(
    private readonly tx: TxSender,
    private readonly deployment: Deployment,
  ) {}

  private get governor(): Address {
    return this.deployment.contracts.governor;
  }

  async propose(from: Address, p: Proposal): Promise<bigint> {
    await this.tx.send({
      from,
      to: this.governor,
      abi: abis.governor,
      functionName: 'propose',
      args: [p.targets, p.values, p.calldatas, p.description],
    });
    p.id = await this.tx.read(this.governor, abis.governor, 'hashProposal', [
      p.targets,
      p.values,
      p.calldatas,
      p.descriptionHash,
    ]);
    return p.id;
  }

  async vote(from: Address, p: Proposal, support: number, reason: string): Promise<void> {
    await this.tx.send({
      from,
      to: this.governor,
      abi: abis.governor,
      functionName: 'castVoteWithReason',
      args: [idOf(p), support, reason],
    });
  }

  async queue(from: Address, p: Proposal): Promise<void> {
    await this.lifecycle(from, 'queue', p);
  }

  async execute(from: Address, p: Proposal): Promise<void> {
    await this.lifecycle(from, 'execute', p);
  }

  async cancel(from: Address, p: Proposal): Promise<void> {
    await this.lifecycle(from, 'cancel', p);
  }

  async state(p: Proposal): Promise<ProposalState> {
    const index = await this.tx.read(this.governor, abis.governor, 'state', [idOf(p)]);
    return PROPOSAL_STATES[Number(index)] ?? 'Pending';
  }

  private async lifecycle(from: Address, functionName: 'queue' | 'execute' | 'cancel', p: Proposal) {
    await this.tx.send({
      from,
      to: this.governor,
      abi: abis.governor,
      functionName,
      args: [p.targets, p.values, p.calldatas, p.descriptionHash],
    });
  }
}

function idOf(p: Proposal): bigint {
  if (p.id === undefined) throw new Error(`Proposal "${p.title}" has not been proposed yet.`);
  return p.id;
}
