import type { Address } from 'viem';
import type { Deployment } from '../deployment';
import { TRANCHE_IDS } from '../../../lib/protocol/tranches';
import { abis } from './artifacts';
import type { Governance, Proposal, ProposalState } from './governance';
import type { Desk, PositionRef } from './market';
import type { Clock, Timeline } from './timeline';
import type { TxSender } from './tx';

export interface SeedAccounts {
  deployer: Address;
  /** anvil #1..#7; `depositor(n)` reads them by anvil index. */
  depositors: Address[];
  keeper: Address;
  liquidator: Address;
  traders: Address[];
  whales: Address[];
}

export interface CrashReport {
  before: bigint[];
  after: bigint[];
  paid: bigint[];
  deficit: bigint;
  liquidations: number;
  /** Hours at the start of the fall in which no liquidation landed. */
  stalledHours: number;
  /** ETH's oracle price before the fall and after each of its hourly updates. */
  ethCloses: number[];
  /** Losses the crash's liquidations drew, by covered protocol id (from `CoverRequested`). */
  lossesByProtocol: Map<number, number>;
}

export interface SeedContext {
  seed: number;
  tx: TxSender;
  desk: Desk;
  gov: Governance;
  deployment: Deployment;
  timeline: Timeline;
  clock: Clock;
  accounts: SeedAccounts;
  log: (msg: string) => void;
  /** Absolute time of `hour` on history day `day`. */
  at: (day: number, hour?: number) => number;
  /** Open positions by `${trader}:${marketId}`, kept in step with every open, close and liquidation. */
  positions: Map<string, PositionRef>;
  /** Covered protocols after protocol 0, each with its desk and open positions (as `desk` and `positions`). */
  protocols: ProtocolDesk[];
  proposals: { proposal: Proposal; expected: ProposalState }[];
  crash?: CrashReport;
}

export interface ProtocolDesk {
  desk: Desk;
  positions: Map<string, PositionRef>;
}

export function depositor(ctx: SeedContext, anvilIndex: number): Address {
  const a = ctx.accounts.depositors[anvilIndex - 1];
  if (!a) throw new Error(`No depositor with anvil index ${anvilIndex}`);
  return a;
}

export function vaultOf(ctx: SeedContext, trancheId: number): Address {
  return ctx.deployment.contracts.tranches[trancheId]!;
}

export async function trancheAssets(ctx: SeedContext): Promise<bigint[]> {
  return Promise.all(TRANCHE_IDS.map((id) => ctx.tx.read(vaultOf(ctx, id), abis.vault, 'totalAssets')));
}

export async function trancheLosses(ctx: SeedContext): Promise<bigint[]> {
  return Promise.all(TRANCHE_IDS.map((id) => ctx.tx.read(vaultOf(ctx, id), abis.vault, 'totalLossAbsorbed')));
}

export function positionKey(ref: PositionRef): string {
  return `${ref.trader}:${ref.marketId}`;
}
