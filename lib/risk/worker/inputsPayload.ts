import { coveredBooks, type CoveredProtocolView } from '../coveredExposure';
import type { ChainRiskState } from '../fromChain';
import type { LossRecordPayload } from './lossRecordPayload';

/**
 * The JSON of GET /api/risk/inputs: the lens's markets and tranches and the indexer's oracle price history, raw
 * integers as decimal strings (docs/interfaces.md units). Built on the server from the cached reads, turned back
 * into bigint views in the browser for lib/risk/fromChain.ts.
 */
export interface RiskInputsPayload {
  blockNumber: string;
  /** Block time of the lens read (unix s). */
  timestamp: number;
  assetDecimals: number;
  assetSymbol: string;
  markets: {
    id: string;
    name: string;
    longNotional: string;
    shortNotional: string;
    maintenanceMarginRate: string;
    liquidationImpact: string;
    liquidityDepth: string;
  }[];
  /** Waterfall order (id 0 = Junior first). */
  tranches: { id: number; name: string; totalAssets: string }[];
  /** One per market, same order: indexed samples in the window plus the lens's current oracle answer. */
  priceHistories: { decimals: number; points: { timestamp: number; price: string }[] }[];
  /** Why the history is missing, short (the model then uses its default volatility) or ends before the block. */
  historyProblem: string | null;
  /**
   * What the markets' notional covers (coveredExposure.ts): each market carries its asset's open interest over every
   * active covered protocol. `unmodelled`: assets with covered open interest but no market to model them by.
   */
  exposure: { protocols: number; unmodelled: string[] };
  /** The indexed losses with each tranche's capital before them, for experience rating (lossRecordPayload.ts). */
  lossRecord: LossRecordPayload;
}

/** The lens fields read here (bigint, as viem decodes getDashboard). */
export interface LensForRisk {
  blockNumber: bigint;
  timestamp: bigint;
  module: { assetDecimals: number; assetSymbol: string };
  markets: readonly {
    id: bigint;
    name: string;
    price: bigint;
    priceDecimals: number;
    priceUpdatedAt: bigint;
    longNotional: bigint;
    shortNotional: bigint;
    maintenanceMarginRate: bigint;
    liquidationImpact: bigint;
    liquidityDepth: bigint;
  }[];
  tranches: readonly { id: number; name: string; totalAssets: bigint }[];
  /** The covered protocols (BackstopLens.ProtocolView); absent on a lens from before several protocols. */
  protocols?: readonly CoveredProtocolView[];
}

/** The indexed sample fields read here (docs/interfaces.md, GET /api/samples). */
export interface SampleForRisk {
  timestamp: number;
  markets: readonly { id: number; price: string; priceDecimals: number }[];
}

/** 30 days of hourly samples: far more than the EWMA (λ = 0.94, ≈ 16 h memory) needs, and a small payload. */
export const HISTORY_WINDOW_SECONDS = 30 * 86_400;

export function buildRiskInputsPayload(
  lens: LensForRisk,
  samples: readonly SampleForRisk[] | null,
  history: {
    /** Why the samples could not be read at all. */
    failure: string | null;
    /** Set while the indexer is still reading the chain: why the history may end before the block. */
    incomplete?: string | null;
    /** The loss record (buildLossRecordPayload), read from the same caches. */
    lossRecord?: LossRecordPayload;
  },
  windowSeconds = HISTORY_WINDOW_SECONDS,
): RiskInputsPayload {
  const now = Number(lens.timestamp);
  // A market's history ends at its oracle's last update: later samples repeat the same answer (a stale oracle, or
  // a chain whose clock was warped) and would read as zero volatility.
  const priceHistories = lens.markets.map((market) => {
    const updatedAt = Number(market.priceUpdatedAt);
    const end = Math.min(now, updatedAt);
    const from = end - windowSeconds;
    const points: { timestamp: number; price: string }[] = [];
    for (const sample of samples ?? []) {
      if (sample.timestamp < from || sample.timestamp > end) continue;
      const m = sample.markets.find((x) => BigInt(x.id) === market.id);
      if (m && m.priceDecimals === market.priceDecimals) points.push({ timestamp: sample.timestamp, price: m.price });
    }
    const last = points.at(-1);
    if (!last || updatedAt > last.timestamp) points.push({ timestamp: updatedAt, price: market.price.toString() });
    return { decimals: market.priceDecimals, points };
  });
  const returns = Math.min(...priceHistories.map((h) => h.points.length)) - 1;
  const staleHours = Math.max(0, ...lens.markets.map((m) => (now - Number(m.priceUpdatedAt)) / 3_600));
  const problems = [
    history.failure ??
      (returns < 20
        ? `only ${Math.max(0, returns)} price returns indexed in the 30 days before the last oracle update`
        : null),
    history.failure ? null : (history.incomplete ?? null),
    staleHours >= 2
      ? `an oracle was last updated ${Math.floor(staleHours)} h before this block: volatility is estimated up to its last update`
      : null,
  ].filter((x): x is string => x !== null);
  const covered = lens.protocols
    ? coveredBooks(lens.markets, lens.protocols)
    : { markets: lens.markets, protocols: 1, unmodelled: [] };
  return {
    blockNumber: lens.blockNumber.toString(),
    timestamp: now,
    assetDecimals: lens.module.assetDecimals,
    assetSymbol: lens.module.assetSymbol,
    markets: covered.markets.map((m) => ({
      id: m.id.toString(),
      name: m.name,
      longNotional: m.longNotional.toString(),
      shortNotional: m.shortNotional.toString(),
      maintenanceMarginRate: m.maintenanceMarginRate.toString(),
      liquidationImpact: m.liquidationImpact.toString(),
      liquidityDepth: m.liquidityDepth.toString(),
    })),
    tranches: [...lens.tranches]
      .sort((a, b) => a.id - b.id)
      .map((t) => ({ id: t.id, name: t.name, totalAssets: t.totalAssets.toString() })),
    priceHistories,
    historyProblem: problems.length > 0 ? problems.join('; ') : null,
    exposure: { protocols: covered.protocols, unmodelled: covered.unmodelled },
    lossRecord: history.lossRecord ?? { from: null, to: now, losses: [], problem: 'the loss record was not read' },
  };
}

/** Back to the bigint views fromChain.ts expects (throws on a malformed integer string). */
export function chainStateFromPayload(payload: RiskInputsPayload): ChainRiskState {
  return {
    assetDecimals: payload.assetDecimals,
    markets: payload.markets.map((m) => ({
      name: m.name,
      longNotional: BigInt(m.longNotional),
      shortNotional: BigInt(m.shortNotional),
      maintenanceMarginRate: BigInt(m.maintenanceMarginRate),
      liquidationImpact: BigInt(m.liquidationImpact),
      liquidityDepth: BigInt(m.liquidityDepth),
    })),
    tranches: payload.tranches.map((t) => ({ id: t.id, name: t.name, totalAssets: BigInt(t.totalAssets) })),
    priceHistories: payload.priceHistories.map((h) => ({
      decimals: h.decimals,
      points: h.points.map((p) => ({ timestamp: p.timestamp, price: BigInt(p.price) })),
    })),
  };
}
