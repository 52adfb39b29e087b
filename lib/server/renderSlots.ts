/**
 * First come, first served admission for server renders. Under a burst, a Node server that starts every render at
 * once interleaves them all: each takes as long as the whole burst, memory grows with it, and garbage collection
 * stalls the lot, so some visitors wait several times longer than others. Admitting a few at a time and queueing the
 * rest in arrival order keeps every wait close to (queue length × render time) and the heap bounded.
 */
export class RenderSlots {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly limit: number,
    /** A slot is returned at the latest after this long, so a client that reads slowly cannot hold one. */
    private readonly maxHoldMs: number,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  }

  /** Resolves when a slot is free, in arrival order, with the function that returns it (safe to call twice). */
  async acquire(): Promise<() => void> {
    if (this.active < this.limit && this.waiting.length === 0) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve)); // the releaser hands its slot over
    let released = false;
    const timer = setTimeout(() => release(), this.maxHoldMs);
    timer.unref?.();
    const release = () => {
      if (released) return;
      released = true;
      clearTimeout(timer);
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
    return release;
  }

  get queued(): number {
    return this.waiting.length;
  }

  get inUse(): number {
    return this.active;
  }
}
