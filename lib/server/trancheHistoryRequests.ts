import { isAddress, type Address } from 'viem';
import { parseRange, type HealthRange } from '@/lib/health/range';
import { loadPositionHistory, type PositionHistory } from '@/lib/sources/loaders/loadPositionHistory';
import { loadTrancheHistory, type TrancheHistory } from '@/lib/sources/loaders/loadTrancheHistory';
import { parseTrancheRef, type TrancheId } from '@/lib/tranches/trancheRef';
import { admitApiRequest } from './admitApiRequest';
import { requestChain } from './requestChain';

type RouteParams = { params: Promise<{ id: string }> };
type Loaded<T> = { response: Response } | ({ response: null } & T);

/**
 * The public tranche-history routes' common part (JSON series and CSV): admitted, the tranche and range parsed, the
 * history loaded; a Response to send as it is for a bad tranche, an unconfigured server or no history.
 */
export async function trancheHistoryRequest(
  request: Request,
  { params }: RouteParams,
): Promise<
  Loaded<{
    id: TrancheId;
    range: HealthRange;
    history: TrancheHistory;
  }>
> {
  await admitApiRequest();
  const id = parseTrancheRef((await params).id);
  if (id === null) return { response: Response.json({ error: 'There is no such tranche.' }, { status: 404 }) };
  const chain = requestChain(request);
  if (chain.response) return chain;
  const range = parseRange(new URL(request.url).searchParams.get('range'));
  const history = await loadTrancheHistory(chain.config, id, range);
  if (!history.ok) return { response: Response.json({ error: history.reason }, { status: 503 }) };
  return { response: null, id, range, history };
}

/**
 * The position-history routes' common part (JSON series and CSV): the tranche and account parsed, the history loaded
 * (ok or not: each route says a failure its own way); a Response for a bad request or an unconfigured server.
 */
export async function positionHistoryRequest(
  request: Request,
  { params }: RouteParams,
): Promise<Loaded<{ id: TrancheId; account: Address; history: PositionHistory }>> {
  const id = parseTrancheRef((await params).id);
  const account = new URL(request.url).searchParams.get('account') ?? '';
  if (id === null || !isAddress(account)) {
    return { response: Response.json({ error: 'expected a tranche and ?account=0x…' }, { status: 400 }) };
  }
  const chain = requestChain(request);
  if (chain.response) return chain;
  return { response: null, id, account, history: await loadPositionHistory(chain.config, id, account) };
}
