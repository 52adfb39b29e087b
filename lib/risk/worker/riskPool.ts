import type { BlockRun } from '../blocks';
import { mergeShares, shareRun } from '../pooledRun';
import type { BlocksRequest, BlocksResponse, RiskRequest, RiskResponse, SummariseRequest } from '../protocol';
import type { WorkerLike } from './riskClient';

/** What the pool needs of each member (a browser Worker running risk.worker.ts, or a fake in tests). */
export interface PoolMember {
  postMessage(message: RiskRequest | BlocksRequest | SummariseRequest, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { data: RiskResponse | BlocksResponse }) => void): void;
}

/**
 * The pool's size for a machine with `hardwareConcurrency` logical cores: one core is left to the UI thread
 * (rendering, wallet and chain polling would otherwise fight the simulation), at least one worker, and at most 8:
 * a 100,000-scenario run is 25 blocks, and past 8 members each gets 3 blocks or fewer while every extra worker
 * still costs its own start-up, JIT warm-up and memory.
 */
export function poolSize(hardwareConcurrency: number | undefined): number {
  const cores = Number.isFinite(hardwareConcurrency) ? Math.floor(hardwareConcurrency as number) : 1;
  return Math.min(8, Math.max(1, cores - 1));
}

interface Pending {
  request: RiskRequest;
  runs: BlockRun[];
  expected: number;
  startedAt: number;
  /** Set once the merged run went to the first member for its summary. */
  summarising: boolean;
}

/**
 * A pool of workers behind the one-worker interface RiskClient drives, so the client's latest-wins rules apply
 * unchanged. A run goes whole to a pool of one; otherwise each member gets a contiguous range of blocks, the
 * answers are merged here in block order (a copy and a few additions) and the first member summarises the merged
 * run (the sort and the waterfall, ~5–20 ms, stay off the UI thread): the result is the single worker's, bit for
 * bit, whatever the pool size. A newer request abandons the pending one; its late answers are dropped.
 */
export class RiskPool implements WorkerLike {
  private readonly listeners: ((event: { data: RiskResponse }) => void)[] = [];
  private pending: Pending | null = null;

  constructor(
    private readonly members: readonly PoolMember[],
    private readonly now: () => number = () => performance.now(),
  ) {
    if (members.length === 0) throw new RangeError('a pool needs at least one worker');
    for (const member of members) member.addEventListener('message', (event) => this.receive(event.data));
  }

  get size(): number {
    return this.members.length;
  }

  addEventListener(_type: 'message', listener: (event: { data: RiskResponse }) => void): void {
    this.listeners.push(listener);
  }

  postMessage(request: RiskRequest): void {
    if (this.members.length === 1) {
      this.members[0]?.postMessage(request, []);
      return;
    }
    const shares = shareRun(request, this.members.length);
    this.pending = { request, runs: [], expected: shares.length, startedAt: this.now(), summarising: false };
    shares.forEach((share, i) => this.members[i]?.postMessage(share, []));
  }

  private receive(response: RiskResponse | BlocksResponse): void {
    if (this.members.length === 1) {
      if (response.type !== 'blocks') this.emit(response); // a pool of one answers whole runs itself
      return;
    }
    const pending = this.pending;
    if (!pending || response.id !== pending.request.id) return; // an answer for an abandoned run
    if (response.type === 'error') {
      this.pending = null;
      this.emit(response);
      return;
    }
    if (response.type === 'result') {
      if (!pending.summarising) return;
      this.pending = null;
      this.emit({ ...response, ms: this.now() - pending.startedAt });
      return;
    }
    pending.runs.push(response.run);
    if (pending.runs.length < pending.expected) return;
    let summarise: SummariseRequest;
    try {
      summarise = mergeShares(pending.request, pending.runs);
    } catch (error) {
      this.pending = null;
      this.emit({ type: 'error', id: response.id, message: error instanceof Error ? error.message : String(error) });
      return;
    }
    pending.summarising = true;
    pending.runs = [];
    this.members[0]?.postMessage(summarise, [
      summarise.shortfalls.buffer as ArrayBuffer,
      summarise.byMarket.buffer as ArrayBuffer,
    ]);
  }

  private emit(response: RiskResponse): void {
    for (const listener of this.listeners) listener({ data: response });
  }
}
