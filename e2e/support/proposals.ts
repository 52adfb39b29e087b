import { expect } from '@playwright/test';
import { createPublicClient, http } from 'viem';
import { backstopGovernorAbi } from '../../lib/chain/abis.generated';
import { readDeployment } from '../../scripts/lib/deployment';
import { DEPLOYMENT_FILE } from './deploymentFile';

// e2e/support/globalSetup.ts points these at its own seeded chain; the defaults fit a running `npm start`.
const rpcUrl = process.env.BACKSTOP_RPC_URL ?? 'http://127.0.0.1:8545';
const deployment = readDeployment(DEPLOYMENT_FILE);
const chain = createPublicClient({ transport: http(rpcUrl) });

const ACTIVE = 1; // Governor's ProposalState.Active

/** A seeded proposal, preferably one still open to votes so the vote panel is live. */
export async function seededProposalId(): Promise<string> {
  const created = await chain.getContractEvents({
    address: deployment.contracts.governor,
    abi: backstopGovernorAbi,
    eventName: 'ProposalCreated',
    fromBlock: BigInt(deployment.deployBlock),
  });
  const ids = created.flatMap((event) => (event.args.proposalId === undefined ? [] : [event.args.proposalId]));
  expect(ids.length, 'the seeded history has proposals').toBeGreaterThan(0);
  const states = await Promise.all(
    ids.map((id) =>
      chain.readContract({
        address: deployment.contracts.governor,
        abi: backstopGovernorAbi,
        functionName: 'state',
        args: [id],
      }),
    ),
  );
  const active = ids.find((_, i) => states[i] === ACTIVE);
  return String(active ?? ids[0]);
}
