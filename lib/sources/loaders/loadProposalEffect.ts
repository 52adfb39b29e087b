import { getAddress, isAddress, type Address } from 'viem';
import { indexerUrlOf } from '@/lib/chain/servedChain';
import type { PublicConfig } from '@/lib/chain/publicConfig';
import type { Dashboard } from '@/lib/chain/readDashboard';
import { buildProposalEffectPayload, type ProposalEffectPayload } from '@/lib/governance/proposalEffectPayload';
import { readAccountDashboard } from '../chainSources';
import { proposalSource } from '../governanceSources';
import { samplesSource } from '../indexerSources';
import { readSource } from '../readSource';
import { failureOf } from '../status';

export type ProposalEffectAnswer =
  { status: 200; body: ProposalEffectPayload } | { status: 400 | 404 | 503; body: { error: string } };

const PROPOSAL_ID = /^\d{1,78}$/;

/**
 * GET /api/proposals/:id/effect: the proposal's calls from the indexer, one lens read (for `account` when given) and
 * the indexed price history, measured by lib/governance/proposalEffect. Query values are hostile: checked first.
 */
export async function loadProposalEffect(
  config: PublicConfig,
  id: string,
  query: URLSearchParams,
): Promise<ProposalEffectAnswer> {
  if (!PROPOSAL_ID.test(id)) return { status: 400, body: { error: 'The proposal id must be a decimal integer.' } };
  const accountText = query.get('account');
  if (accountText !== null && !isAddress(accountText, { strict: false })) {
    return { status: 400, body: { error: 'account must be an address: 0x followed by 40 hex digits.' } };
  }
  const account: Address | null = accountText === null ? null : getAddress(accountText);
  const inputsText = query.get('inputs');
  if (inputsText !== null && inputsText !== '1') return { status: 400, body: { error: 'inputs may only be 1.' } };

  const indexerUrl = indexerUrlOf(config);
  const [proposal, lens, samples] = await Promise.all([
    readSource(proposalSource(config, indexerUrl, id)),
    readAccountDashboard(config, account),
    readSource(samplesSource(indexerUrl)),
  ]);
  if (!proposal.value) {
    const failure = failureOf(proposal.status);
    return failure
      ? { status: 503, body: { error: `The proposals cannot be read: ${failure.reason}` } }
      : { status: 404, body: { error: `No proposal ${id} is indexed.` } };
  }
  if (!lens.value) {
    return {
      status: 503,
      body: { error: `The chain cannot be read: ${failureOf(lens.status)?.reason ?? 'no read yet'}` },
    };
  }
  const { proposal: p } = proposal.value;
  const body = buildProposalEffectPayload({
    proposalId: id,
    calls: { targets: p.targets, calldatas: p.calldatas },
    lens: lens.value,
    samples: samples.value,
    samplesFailure: failureOf(samples.status)?.reason ?? null,
    account,
    targets: targetsOf(config),
    chainProblem: failureOf(lens.status)?.reason ?? null,
    withInputs: inputsText === '1',
  });
  return { status: 200, body };
}

/**
 * The proposal page's first figures, from the lens it already read (for a returning wallet, with its section): the
 * block is in the first paint and keeps its place; the page then polls GET /api/proposals/:id/effect.
 */
export async function loadInitialProposalEffect(
  config: PublicConfig,
  proposal: { proposalId: string; targets: readonly string[]; calldatas: readonly string[] },
  lens: Dashboard | null,
  account: Address | null,
): Promise<ProposalEffectPayload | null> {
  if (!lens) return null;
  const samples = await readSource(samplesSource(indexerUrlOf(config)));
  try {
    return buildProposalEffectPayload({
      proposalId: proposal.proposalId,
      calls: { targets: proposal.targets, calldatas: proposal.calldatas },
      lens,
      samples: samples.value,
      samplesFailure: failureOf(samples.status)?.reason ?? null,
      account,
      targets: targetsOf(config),
      chainProblem: null,
      withInputs: false,
    });
  } catch {
    return null; // the browser's first poll says what is wrong
  }
}

function targetsOf(config: PublicConfig) {
  return {
    module: config.contracts.module,
    clearinghouse: config.contracts.clearinghouse,
    steward: config.contracts.riskSteward,
  };
}
