import { isAddress } from 'viem';
import { getConfig } from '@/lib/chain/config';
import { describeReadError } from '@/lib/chain/describeReadError';
import { readDashboard } from '@/lib/chain/readDashboard';
import { admitApiRequest } from '@/lib/server/admitApiRequest';
import { positionPayload } from '@/lib/tranches/positionPayload';

/**
 * GET /api/position?account=0x… → the account's shares in each tranche beside each tranche's supply, from one lens
 * call: what /health's stress panel needs to say what a scenario costs a position, without wallet code on the page.
 */
export async function GET(request: Request) {
  await admitApiRequest();
  const account = new URL(request.url).searchParams.get('account') ?? '';
  if (!isAddress(account)) {
    return Response.json({ error: 'Expected ?account=0x… with a 20-byte address.' }, { status: 400 });
  }
  const config = getConfig();
  if (!config.ok) return Response.json({ error: 'The server is not configured.' }, { status: 503 });
  try {
    const dashboard = await readDashboard(config.config, account);
    return Response.json(positionPayload(dashboard), { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return Response.json(
      { error: `The chain could not be read: ${describeReadError(error, config.config.contracts.lens)}` },
      { status: 503 },
    );
  }
}
