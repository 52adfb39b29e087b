/** The first proposal the indexer lists: the benches measure `/governance/<id>` on it. */
export async function firstProposalId(indexerUrl: string): Promise<string> {
  const response = await fetch(`${indexerUrl}/api/proposals`, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`the indexer's /api/proposals answered HTTP ${response.status}`);
  const body = (await response.json()) as { proposals?: { proposalId?: string }[] };
  const id = body.proposals?.[0]?.proposalId;
  if (!id) throw new Error('the seeded chain has no proposal in the indexer: cannot measure /governance/<id>');
  return id;
}
