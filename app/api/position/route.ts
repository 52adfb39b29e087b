import { isAddress } from 'viem';
import { describeReadError } from '@/lib/chain/describeReadError';
import { readDashboard } from '@/lib/chain/readDashboard';
import { admitApiRequest } from '@/lib/server/admitApiRequest';
import { requestChain } from '@/lib/server/requestChain';
import { positionPayload } from '@/lib/tranches/positionPayload';

/**
 * GET /api/position?account=0x… → the account's shares in each tranche beside each tranche's supply, from one lens
 * call: what /health's stress panel needs to say what a scenario costs a position, without wallet code on the page.
 */
export async function GET(request: Request) {
  await admitApiRequest();
  const account = new URL(request.url).searchParams.get('account') ?? '';
  if (!isAddress(account)) {
    // Mixed case is an EIP-55 checksum: one that does not match is most likely a typo, so it is not read anyway.
    const reason = isAddress(account, { strict: false })
      ? "The address's mix of capitals (its checksum) is wrong: check it for a typo, or paste it in lower case."
      : 'Expected ?account=0x… with a 20-byte address.';
    return Response.json({ error: reason }, { status: 400 });
  }
  const chain = requestChain(request);
  if (chain.response) return chain.response;
  try {
    const dashboard = await readDashboard(chain.config, account);
    return Response.json(positionPayload(dashboard), { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    return Response.json(
      { error: `The chain could not be read: ${describeReadError(error, chain.config.contracts.lens)}` },
      { status: 503 },
    );
  }
}
