import { maxUint256 } from 'viem';
import { solvencyStatus, type SolvencyStatus } from './status';
import { WAD } from './wad';

/** What one chain's lens read says, as the combined figures need it; null figures: the chain has never answered. */
export interface ChainFigures {
  chainId: number;
  /** Whether the latest read of this chain succeeded; its figures are otherwise the last good ones, or null. */
  live: boolean;
  figures: {
    asset: { symbol: string; decimals: number };
    totalCapital: bigint;
    requiredCapital: bigint;
    openInterestNotional: bigint;
    solvencyThreshold: bigint;
  } | null;
}

export type CombinedFigures =
  | {
      ok: true;
      asset: { symbol: string; decimals: number };
      /** Σ capital, Σ required capital and Σ open-interest notional of the counted chains, asset units. */
      totalCapital: bigint;
      requiredCapital: bigint;
      openInterestNotional: bigint;
      /** Σ capital ÷ Σ required as a wad, rounded down; type(uint256).max when nothing is required. */
      solvencyRatio: bigint;
      /** The strictest (highest) threshold of the counted chains: each chain must meet its own. */
      solvencyThreshold: bigint;
      status: SolvencyStatus;
      /** Chains whose current figures are in the sums. */
      counted: number[];
      /** Chains left out: down now (their last good figures are shown apart, never summed with live ones). */
      missing: number[];
      partial: boolean;
    }
  | { ok: false; problem: string; counted: number[]; missing: number[]; partial: boolean };

/**
 * The backstops of several chains as one: sums of capital, required capital and exposure, and the solvency of the
 * sums. Only chains answering now are counted, so the figures are of one moment; a chain that is down is listed as
 * missing and the result is partial. Amounts in different assets (symbol or decimals) are not summed.
 */
export function combineChains(chains: readonly ChainFigures[]): CombinedFigures {
  const live = chains.filter((c) => c.live && c.figures !== null);
  const counted = live.map((c) => c.chainId);
  const missing = chains.filter((c) => !live.includes(c)).map((c) => c.chainId);
  const partial = missing.length > 0;
  const figures = live.map((c) => c.figures!);
  const asset = figures[0]?.asset;
  if (!asset) return { ok: false, problem: 'No chain answers now.', counted, missing, partial };
  const other = figures.find((f) => f.asset.symbol !== asset.symbol || f.asset.decimals !== asset.decimals);
  if (other) {
    return {
      ok: false,
      problem: `The chains' backstops hold different assets (${asset.symbol}, ${asset.decimals} decimals and ${other.asset.symbol}, ${other.asset.decimals} decimals): their amounts are not added up.`,
      counted,
      missing,
      partial,
    };
  }
  const sum = (pick: (f: (typeof figures)[number]) => bigint) => figures.reduce((total, f) => total + pick(f), 0n);
  const totalCapital = sum((f) => f.totalCapital);
  const requiredCapital = sum((f) => f.requiredCapital);
  const solvencyRatio = requiredCapital === 0n ? maxUint256 : (totalCapital * WAD) / requiredCapital;
  const solvencyThreshold = figures.reduce((max, f) => (f.solvencyThreshold > max ? f.solvencyThreshold : max), 0n);
  return {
    ok: true,
    asset,
    totalCapital,
    requiredCapital,
    openInterestNotional: sum((f) => f.openInterestNotional),
    solvencyRatio,
    solvencyThreshold,
    status: solvencyStatus(solvencyRatio, solvencyThreshold),
    counted,
    missing,
    partial,
  };
}
