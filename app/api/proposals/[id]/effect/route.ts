import { admitApiRequest } from '@/lib/server/admitApiRequest';
import { requestChain } from '@/lib/server/requestChain';
import { loadProposalEffect } from '@/lib/sources/loaders/loadProposalEffect';

/**
 * GET /api/proposals/:id/effect?account=0x…&inputs=1 (docs/interfaces.md): what the proposal does to each tranche,
 * to required capital and solvency, and to the account's position, before → after, if it were executed now.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  await admitApiRequest();
  const chain = requestChain(request);
  if (chain.response) return chain.response;
  const { id } = await params;
  const answer = await loadProposalEffect(chain.config, id, new URL(request.url).searchParams);
  return Response.json(answer.body, { status: answer.status, headers: { 'Cache-Control': 'no-store' } });
}
