import type { TxSender } from './tx';

export const HOUR = 3_600;
export const DAY = 86_400;

interface Event {
  t: number;
  seq: number;
  label: string;
  run: () => Promise<void>;
}

/**
 * Block time under our control: every block is one second after the last, except where an event jumps ahead.
 * So block timestamps depend only on the plan, never on how fast this machine sends.
 */
export class Clock {
  private last: number;
  private pending: number | undefined;
  private mark = 0;

  constructor(
    private readonly tx: TxSender,
    chainTime: number,
  ) {
    this.last = chainTime;
  }

  get now(): number {
    this.sync();
    return this.pending ?? this.last;
  }

  async start(): Promise<void> {
    this.mark = this.tx.txCount;
    await this.tx.rpc('anvil_setBlockTimestampInterval', [1]);
  }

  async advanceTo(t: number): Promise<void> {
    this.sync();
    if (t <= this.last + 1) return;
    await this.tx.rpc('anvil_setNextBlockTimestamp', [t]);
    this.pending = t;
  }

  /** Mines one block at `t` and hands time back to the wall clock, continuing from there. */
  async finish(t: number): Promise<void> {
    this.sync();
    await this.tx.rpc('anvil_removeBlockTimestampInterval');
    await this.tx.rpc('anvil_setNextBlockTimestamp', [Math.max(t, this.last + 1)]);
    await this.tx.rpc('evm_mine');
  }

  private sync() {
    const mined = this.tx.txCount - this.mark;
    this.mark = this.tx.txCount;
    if (mined === 0) return;
    this.last = this.pending !== undefined ? this.pending + mined - 1 : this.last + mined;
    this.pending = undefined;
  }
}

/** Events at absolute times, played in time order (ties in the order they were added). */
export class Timeline {
  private readonly events: Event[] = [];

  at(t: number, label: string, run: () => Promise<void>): void {
    this.events.push({ t: Math.floor(t), seq: this.events.length, label, run });
  }

  async play(clock: Clock, onError?: (label: string) => void): Promise<void> {
    const ordered = [...this.events].sort((a, b) => a.t - b.t || a.seq - b.seq);
    for (const event of ordered) {
      await clock.advanceTo(event.t);
      try {
        await event.run();
      } catch (error) {
        onError?.(event.label);
        throw new Error(`Seeding stopped at "${event.label}": ${(error as Error).message}`);
      }
    }
  }
}
