import { getAddress, isAddress } from 'viem';
import { loadAccountAlerts } from '@/lib/alerts/loadAccountAlerts';
import { admitApiRequest } from '@/lib/server/admitApiRequest';
import { requestChain } from '@/lib/server/requestChain';

const error = (message: string, status: number) =>
  Response.json({ error: message }, { status, headers: { 'Cache-Control': 'no-store' } });

/**
 * GET /api/alerts?account=0x… (docs/interfaces.md): the account's reminders and alerts (withdrawal window open,
 * closing within 24 h, lapsed; losses its tranches paid while it held them; proposals on its tranches voting or
 * queued), newest first, derived at the chain's latest block. 400 for a bad account, 503 when the chain cannot be read.
 */
export async function GET(request: Request) {
  await admitApiRequest();
  const account = new URL(request.url).searchParams.get('account') ?? '';
  if (!isAddress(account, { strict: false })) {
    return error('Expected ?account=0x… with a 20-byte hex address.', 400);
  }
  const chain = requestChain(request);
  if (chain.response) return chain.response;
  const read = await loadAccountAlerts(chain.config, getAddress(account));
  if (!read.ok) return error(`The account's alerts are not available: ${read.problem}`, 503);
  return Response.json(
    {
      account: getAddress(account),
      chainId: chain.config.chainId,
      chainTime: read.chainTime,
      blockNumber: read.blockNumber.toString(),
      incomplete: read.incomplete,
      alerts: read.alerts,
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
}
