import { isAddress } from 'viem';
import { indexerUrlOf } from '@/lib/chain/servedChain';
import { requestChain } from '@/lib/server/requestChain';
import { lossesSource, samplesSource } from '@/lib/sources/indexerSources';
import { readSource } from '@/lib/sources/readSource';
import { fetchAccountFlows } from '@/lib/indexer/client';
import { averageCost, type Flow } from '@/lib/tranches/costBasis';
import { lossesWhileHeld } from '@/lib/tranches/lossesWhileHeld';
import { parseTrancheRef } from '@/lib/tranches/trancheRef';

/**
 * GET /tranches/:id/history?account=0x… → the account's cost basis, realised PnL and losses absorbed in this tranche,
 * from the indexer (which the browser cannot reach itself). Amounts are decimal strings of raw integers.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseTrancheRef((await params).id);
  const account = new URL(request.url).searchParams.get('account') ?? '';
  if (id === null || !isAddress(account))
    return Response.json({ error: 'expected a tranche and ?account=0x…' }, { status: 400 });

  const chain = requestChain(request);
  if (chain.response) return chain.response;
  const indexerUrl = indexerUrlOf(chain.config);
  let flows: Flow[];
  try {
    flows = await fetchAccountFlows(indexerUrl, account);
  } catch (error) {
    // The panel writes the reason into a sentence of its own.
    return Response.json({ available: false, reason: (error as Error).message.replace(/\.$/, '') });
  }

  const [losses, samples] = await Promise.all([
    readSource(lossesSource(indexerUrl)),
    readSource(samplesSource(indexerUrl)),
  ]);
  const supplyAt = new Map(
    (samples.value ?? []).map((s) => [s.blockNumber, s.tranches.find((t) => t.id === id)?.totalSupply]),
  );
  const trancheLosses = (losses.value ?? []).map((loss) => {
    const supply = supplyAt.get(loss.blockNumber);
    return {
      blockNumber: BigInt(loss.blockNumber),
      paid: BigInt(loss.paid[id]),
      totalSupply: supply ? BigInt(supply) : null,
    };
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
