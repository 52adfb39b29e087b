import { formatUnits } from 'viem';
import type { PositionPoint } from './positionHistory';

export interface Units {
  symbol: string;
  decimals: number;
}

/** A position point on the wire: raw integers as decimal strings, so nothing is lost (docs/interfaces.md). */
export interface PositionPointJson {
  t: number;
  block: string;
  source: PositionPoint['source'];
  shares: string;
  value: string;
  costBasis: string;
  netDeposited: string;
  realisedPnl: string;
  pnl: string;
}

export function toPointJson(p: PositionPoint): PositionPointJson {
  return {
    t: p.timestamp,
    block: p.blockNumber.toString(),
    source: p.source,
    shares: p.shares.toString(),
    value: p.value.toString(),
    costBasis: p.costBasis.toString(),
    netDeposited: p.netDeposited.toString(),
    realisedPnl: p.realisedPnl.toString(),
    pnl: p.pnl.toString(),
  };
}

export function fromPointJson(p: PositionPointJson): PositionPoint {
  return {
    timestamp: p.t,
    blockNumber: BigInt(p.block),
    source: p.source,
    shares: BigInt(p.shares),
    value: BigInt(p.value),
    costBasis: BigInt(p.costBasis),
    netDeposited: BigInt(p.netDeposited),
    realisedPnl: BigInt(p.realisedPnl),
    pnl: BigInt(p.pnl),
  };
}

/** The CSV of a position history: exact decimal amounts (formatUnits, no floats), units in the header, ISO UTC times. */
export function positionTable(points: readonly PositionPoint[], asset: Units, shares: Units) {
  const amount = (raw: bigint) => formatUnits(raw, asset.decimals);
  const sym = asset.symbol;
  return {
    header: [
      'time (UTC)',
      'block',
      'source',
      `shares (${shares.symbol})`,
      `value (${sym})`,
      `cost basis (${sym})`,
      `net deposited (${sym})`,
      `realised PnL (${sym})`,
      `PnL (${sym})`,
    ],
    rows: points.map((p) => [
      new Date(p.timestamp * 1000).toISOString(),
      p.blockNumber.toString(),
      p.source,
      formatUnits(p.shares, shares.decimals),
      amount(p.value),
      amount(p.costBasis),
      amount(p.netDeposited),
      amount(p.realisedPnl),
      amount(p.pnl),
    ]),
  };
}
