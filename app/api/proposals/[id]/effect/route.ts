import { getConfig } from '@/lib/chain/config';
import { admitApiRequest } from '@/lib/server/admitApiRequest';
import { loadProposalEffect } from '@/lib/sources/loaders/loadProposalEffect';

/**
 * GET /api/proposals/:id/effect?account=0x…&inputs=1 (docs/interfaces.md): what the proposal does to each tranche,
 * to required capital and solvency, and to the account's position, before → after, if it were executed now.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  await admitApiRequest();
  const config = getConfig();
  if (!config.ok) return Response.json({ error: 'The server is not configured.' }, { status: 503 });
  const { id } = await params;
  const answer = await loadProposalEffect(config.config, id, new URL(request.url).searchParams);
  return Response.json(answer.body, { status: answer.status, headers: { 'Cache-Control': 'no-store' } });
}
