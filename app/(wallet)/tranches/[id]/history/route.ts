import { isAddress } from 'viem';
import { z } from 'zod';
import { healthSettings } from '@/lib/chain/healthSettings';
import { readLossesCached, readSamplesCached } from '@/lib/indexer/cachedIndexer';
import { averageCost, type Flow } from '@/lib/tranches/costBasis';
import { lossesWhileHeld } from '@/lib/tranches/lossesWhileHeld';
import { parseTrancheRef } from '@/lib/tranches/trancheRef';

const flowsResponse = z.object({
  flows: z.array(
    z.object({
      trancheId: z.number().int(),
      kind: z.enum(['deposit', 'withdraw']),
      assets: z.string().regex(/^\d+$/),
      shares: z.string().regex(/^\d+$/),
      timestamp: z.number(),
      blockNumber: z.string().regex(/^\d+$/),
    }),
  ),
});

/**
 * GET /tranches/:id/history?account=0x… → the account's cost basis, realised PnL and losses absorbed in this tranche,
 * from the indexer (which the browser cannot reach itself). Amounts are decimal strings of raw integers.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseTrancheRef((await params).id);
  const account = new URL(request.url).searchParams.get('account') ?? '';
  if (id === null || !isAddress(account)) return Response.json({ error: 'expected a tranche and ?account=0x…' }, { status: 400 });

  const { indexerUrl } = healthSettings();
  let flows: Flow[];
  try {
    const response = await fetch(`${indexerUrl}/api/accounts/${account}/flows`, { cache: 'no-store', signal: AbortSignal.timeout(4_000) });
    if (!response.ok) throw new Error(`it answered ${response.status}`);
    flows = flowsResponse.parse(await response.json()).flows.map((f) => ({
      ...f,
      assets: BigInt(f.assets),
      shares: BigInt(f.shares),
      blockNumber: BigInt(f.blockNumber),
    }));
  } catch (error) {
    return Response.json({ available: false, reason: `the indexer did not answer (${(error as Error).message})` });
  }

  const [losses, samples] = await Promise.all([readLossesCached(indexerUrl), readSamplesCached(indexerUrl)]);
  const supplyAt = new Map((samples.value ?? []).map((s) => [s.blockNumber, s.tranches.find((t) => t.id === id)?.totalSupply]));
  const trancheLosses = (losses.value ?? []).map((loss) => {
    const supply = supplyAt.get(loss.blockNumber);
    return { blockNumber: BigInt(loss.blockNumber), paid: BigInt(loss.paid[id]), totalSupply: supply ? BigInt(supply) : null };
  });

  const cost = averageCost(flows, id);
  const absorbed = lossesWhileHeld(flows, id, trancheLosses);
  const mine = flows.filter((f) => f.trancheId === id);
  return Response.json({
    available: true,
    costBasis: cost.costBasis.toString(),
    sharesTracked: cost.sharesTracked.toString(),
    realisedPnl: cost.realisedPnl.toString(),
    lossesAbsorbed: absorbed.absorbed.toString(),
    lossCount: absorbed.count,
    lossesUnknown: absorbed.unknown + (losses.value === null ? 1 : 0),
    flowCount: mine.length,
    lastFlowBlock: mine.at(-1)?.blockNumber.toString() ?? null,
  });
}
