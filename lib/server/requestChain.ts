import { CHAIN_PARAM } from '@/lib/chain/chainParam';
import { getConfig } from '@/lib/chain/config';
import type { PublicConfig } from '@/lib/chain/publicConfig';
import { servedChain } from '@/lib/chain/servedChain';

/**
 * The chain a route serves for this request: the one its `?chain=` names, else the default chain (docs/chains.md);
 * or the Response to send instead: 503 when the server is not configured, 400 for a chain it does not serve.
 */
export function requestChain(request: Request): { config: PublicConfig; response: null } | { response: Response } {
  const result = getConfig();
  if (!result.ok) return { response: Response.json({ error: 'The server is not configured.' }, { status: 503 }) };
  const values = new URL(request.url).searchParams.getAll(CHAIN_PARAM);
  const served = servedChain(result, values.length > 1 ? values : values[0]);
  if (!served.ok) return { response: Response.json({ error: served.problem }, { status: 400 }) };
  return { config: served.config, response: null };
}
