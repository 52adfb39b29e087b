/**
 * At most `perTurn` admissions per turn of the event loop; the rest wait, in arrival order, for later turns.
 *
 * Why: Node (libuv ≥ 1.45) accepts one new connection per turn of the event loop. A cheap handler whose reads are
 * cached runs start to finish inside the turn its request arrived in, so under a burst every connected client's
 * request is served in one long turn, the next turn serves them all again, and new connections sit in the kernel's
 * accept queue for seconds (at 200 connections a turn took 200–400 ms and clients timed out after 10 s). Bounding
 * the work per turn keeps turns short, so waiting connections are accepted and queue here, in order, instead.
 */
export class TurnGate {
  private admittedThisTurn = 0;
  private readonly waiting: Array<() => void> = [];
  private turnScheduled = false;

  constructor(
    readonly perTurn: number,
    /** Schedules a callback for the next turn; setImmediate in production. */
    private readonly nextTurn: (callback: () => void) => void = setImmediate,
  ) {
    if (!Number.isInteger(perTurn) || perTurn < 1)
      throw new RangeError(`perTurn must be a positive integer, got ${perTurn}`);
  }

  /** Resolves in this turn if its budget allows and nobody is waiting, else in a later turn, first come first served. */
  admit(): Promise<void> {
    this.scheduleTurn();
    if (this.waiting.length === 0 && this.admittedThisTurn < this.perTurn) {
      this.admittedThisTurn++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  get queued(): number {
    return this.waiting.length;
  }

  private scheduleTurn(): void {
    if (this.turnScheduled) return;
    this.turnScheduled = true;
    this.nextTurn(() => this.startTurn());
  }

  private startTurn(): void {
    this.turnScheduled = false;
    this.admittedThisTurn = 0;
    while (this.waiting.length > 0 && this.admittedThisTurn < this.perTurn) {
      this.admittedThisTurn++;
      this.waiting.shift()!();
    }
    if (this.waiting.length > 0 || this.admittedThisTurn > 0) this.scheduleTurn();
  }
}
