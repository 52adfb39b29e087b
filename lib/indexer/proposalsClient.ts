import { proposalsResponse, votesResponse, type IndexedProposal, type IndexedVote } from './proposalsSchema';
import { IndexerError } from './errors';
import { fetchIndexer } from './fetchIndexer';

async function getJson(baseUrl: string, path: string): Promise<unknown> {
  const response = await fetchIndexer(baseUrl, path);
  if (!response.ok) throw new IndexerError(`The indexer answered ${response.status} for ${path}.`);
  return response.json();
}

function invalid(path: string, issue: { path: PropertyKey[]; message: string } | undefined): Error {
  return new IndexerError(
    `The indexer's ${path} does not match docs/interfaces.md: ${issue?.path.join('.')}: ${issue?.message}`,
  );
}

/** Every proposal the governor has seen, as the indexer recorded them (newest first). */
export async function fetchProposals(baseUrl: string): Promise<IndexedProposal[]> {
  const path = '/api/proposals';
  const parsed = proposalsResponse.safeParse(await getJson(baseUrl, path));
  if (!parsed.success) throw invalid(path, parsed.error.issues[0]);
  return [...parsed.data.proposals].sort((a, b) => b.timestamp - a.timestamp);
}

/** The votes cast on one proposal. */
export async function fetchVotes(baseUrl: string, proposalId: string): Promise<IndexedVote[]> {
  const path = `/api/proposals/${proposalId}/votes`;
  const parsed = votesResponse.safeParse(await getJson(baseUrl, path));
  if (!parsed.success) throw invalid(path, parsed.error.issues[0]);
  return parsed.data.votes;
}
