import { isAddress } from 'viem';
import { withdrawalWindowCalendar } from '@/lib/calendar/withdrawalWindow';
import { readWithdrawalWindow } from '@/lib/calendar/readWindow';
import { describeReadError } from '@/lib/chain/describeReadError';
import { chainPath } from '@/lib/chain/chainParam';
import { requestChain } from '@/lib/server/requestChain';
import { formatUtc } from '@/lib/tranches/duration';
import { parseTrancheRef, TRANCHE_SLUGS } from '@/lib/tranches/trancheRef';

const text = (body: string, status: number) =>
  new Response(`${body}\n`, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });

/**
 * GET /tranches/:id/window.ics?account=0x… → the account's withdrawal window as an RFC 5545 calendar file, at the
 * chain's exact times, with a reminder when it opens and one a day before it closes. Plain-text errors otherwise.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseTrancheRef((await params).id);
  if (id === null) return text('There is no such tranche.', 404);
  const account = new URL(request.url).searchParams.get('account') ?? '';
  if (!isAddress(account)) return text('Expected ?account=0x… with a 20-byte address.', 400);
  const chain = requestChain(request);
  if (chain.response) return text(((await chain.response.json()) as { error: string }).error, chain.response.status);
  const config = chain.config;
  const vault = config.contracts.tranches[id];

  let window;
  try {
    window = await readWithdrawalWindow(config, vault, account);
  } catch (error) {
    return text(`The chain could not be read: ${describeReadError(error, vault)}`, 503);
  }
  if (window.kind === 'none') return text(`${account} has no withdrawal request in ${window.trancheName}.`, 404);
  if (window.kind === 'lapsed') {
    return text(`The request's window closed at ${formatUtc(window.windowEnd)}: request a new cooldown.`, 410);
  }
  const slug = TRANCHE_SLUGS[id];
  const body = withdrawalWindowCalendar({
    chainId: config.chainId,
    vault,
    account,
    trancheName: window.trancheName,
    cooldownEnd: window.cooldownEnd,
    windowEnd: window.windowEnd,
    now: Math.floor(Date.now() / 1000),
    pageUrl: new URL(
      chainPath(`/tranches/${slug}`, config.chainId, (config.otherChains?.length ?? 0) > 0),
      request.url,
    ).toString(),
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="backstop-${slug}-withdrawal-window.ics"`,
      'Cache-Control': 'no-store',
    },
  });
}
