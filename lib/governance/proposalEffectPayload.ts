import type { Address, Hex } from 'viem';
import type { Dashboard } from '@/lib/chain/readDashboard';
import { memoLatest } from '@/lib/premium/memoLatest';
import { riskInputsFromChain, type RiskInputs } from '@/lib/risk';
import {
  buildRiskInputsPayload,
  chainStateFromPayload,
  type RiskInputsPayload,
  type SampleForRisk,
} from '@/lib/risk/worker/inputsPayload';
import { chainParamsFrom } from './chainParams';
import { decodeAction } from './decode';
import type { Targets } from './encode';
import { effectAccountFrom, effectStateFrom, effectStateToJson } from './effectState';
import { proposalEffectToJson } from './effectJson';
import { proposalEffect } from './proposalEffect';

export interface ProposalEffectPayloadInput {
  proposalId: string;
  /** The proposal's calls, as the indexer recorded them (hostile: any target, any calldata). */
  calls: { targets: readonly string[]; calldatas: readonly string[] };
  /** One lens read: the protocol figures and, when it was made for `account`, its section. */
  lens: Dashboard;
  samples: readonly SampleForRisk[] | null;
  /** Why the price history could not be read (the model then uses its default volatility). */
  samplesFailure: string | null;
  account: Address | null;
  targets: Targets;
  /** Why the lens read is old (the last one is used), or null. */
  chainProblem: string | null;
  /** Add the inputs the effect was computed from (for a client to check it by running lib/governance/proposalEffect). */
  withInputs: boolean;
}

/** The model's inputs (the market-move models fitted on the history) once per block and history, not per request. */
const modelInputs = memoLatest(
  (payload: RiskInputsPayload) =>
    [
      payload.blockNumber,
      payload.priceHistories.map((h) => `${h.points.length}:${h.points.at(-1)?.timestamp ?? ''}`).join(','),
    ].join('|'),
  (payload: RiskInputsPayload): RiskInputs => riskInputsFromChain(chainStateFromPayload(payload)).inputs,
);

/** The risk inputs the effect reads: the loss record is for experience rating, which the effect does not use. */
function withoutLossRecord(risk: RiskInputsPayload): Omit<RiskInputsPayload, 'lossRecord'> {
  const copy: Partial<RiskInputsPayload> = { ...risk };
  delete copy.lossRecord;
  return copy as Omit<RiskInputsPayload, 'lossRecord'>;
}

/** GET /api/proposals/:id/effect's answer (docs/interfaces.md). */
export function buildProposalEffectPayload(input: ProposalEffectPayloadInput) {
  const { lens, account } = input;
  const risk = buildRiskInputsPayload(lens, input.samples, { failure: input.samplesFailure });
  const params = chainParamsFrom(lens);
  const actions = input.calls.targets.map((target, i) => ({
    target: target as Address,
    calldata: (input.calls.calldatas[i] ?? '0x') as Hex,
  }));
  const effectAccount = account ? effectAccountFrom(lens.user, account) : null;
  const state = effectStateFrom(lens);
  const effect = proposalEffect({
    state,
    model: modelInputs(risk),
    actions,
    targets: input.targets,
    account: effectAccount,
  });
  const json = proposalEffectToJson(effect);
  return {
    proposalId: input.proposalId,
    ...json,
    actions: json.actions.map((a) => ({ ...a, words: decodeAction(actions[a.index]!, params, input.targets).words })),
    chainProblem: input.chainProblem,
    accountProblem: account && !effectAccount ? 'the account’s holdings could not be read' : null,
    historyProblem: risk.historyProblem,
    ...(input.withInputs
      ? { inputs: { calls: input.calls, state: effectStateToJson(state), risk: withoutLossRecord(risk) } }
      : {}),
  };
}

export type ProposalEffectPayload = ReturnType<typeof buildProposalEffectPayload>;
