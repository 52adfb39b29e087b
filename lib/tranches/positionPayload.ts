import type { Dashboard } from '@/lib/chain/readDashboard';

/** GET /api/position's answer: an account's shares in each tranche beside the supply, raw integers as decimal strings. */
export interface PositionPayload {
  account: string;
  blockNumber: string;
  /** The block's time, Unix seconds. */
  timestamp: number;
  assetSymbol: string;
  assetDecimals: number;
  tranches: {
    id: number;
    name: string;
    shares: string;
    totalSupply: string;
    /** What the shares are worth now, in the asset's smallest unit. */
    assets: string;
  }[];
}

export function positionPayload(dashboard: Dashboard): PositionPayload {
  return {
    account: dashboard.user.account,
    blockNumber: dashboard.blockNumber.toString(),
    timestamp: Number(dashboard.timestamp),
    assetSymbol: dashboard.module.assetSymbol,
    assetDecimals: dashboard.module.assetDecimals,
    tranches: dashboard.tranches.map((t, i) => ({
      id: Number(t.id),
      name: t.name,
      shares: (dashboard.user.tranches[i]?.shares ?? 0n).toString(),
      totalSupply: t.totalSupply.toString(),
      assets: (dashboard.user.tranches[i]?.assets ?? 0n).toString(),
    })),
  };
}

export interface HeldTranche {
  id: number;
  name: string;
  shares: bigint;
  totalSupply: bigint;
  assets: bigint;
}

/** The browser's reading of the answer: anything that is not what the server sends is refused with a reason. */
export function parsePositionPayload(json: unknown): { blockNumber: string; tranches: HeldTranche[] } {
  const body = json as Partial<PositionPayload> | null;
  if (!body || !Array.isArray(body.tranches) || typeof body.blockNumber !== 'string') {
    throw new Error('the position answer is malformed');
  }
  const integer = (value: unknown): bigint => {
    if (typeof value !== 'string' || !/^\d{1,78}$/.test(value)) throw new Error('the position answer is malformed');
    return BigInt(value);
  };
  return {
    blockNumber: body.blockNumber,
    tranches: body.tranches.map((t) => ({
      id: Number(t.id),
      name: String(t.name),
      shares: integer(t.shares),
      totalSupply: integer(t.totalSupply),
      assets: integer(t.assets),
    })),
  };
}
