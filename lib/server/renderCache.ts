import type { Clock } from '@/lib/sources/clock';

/** What one render produced, and whether it may be shown to the next visitors (an error page may not). */
export interface RenderOutcome<T> {
  value: T;
  keep: boolean;
}

interface Entry<T> {
  value: T;
  renderedAt: number;
}

/**
 * One render per key per interval however many visitors ask. Within the interval every visitor gets the same render;
 * after it, the first visitor starts the next render and, while it runs, everyone gets the previous one (unless it
 * was more than two intervals old when the render started: a page nobody opened for a while waits for a fresh
 * render, so an outage that began meanwhile shows on its first view). Concurrent misses share one render; a render that fails, or is not to be kept,
 * answers only the visitors who waited for it.
 */
export class RenderCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  /** The render running per key, and whether visitors wait for it (it was started after an idle spell). */
  private readonly inFlight = new Map<string, { pending: Promise<T>; waitForIt: boolean }>();

  constructor(
    private readonly intervalMs: () => number,
    private readonly clock: Clock,
  ) {}

  async get(key: string, render: () => Promise<RenderOutcome<T>>): Promise<T> {
    const interval = this.intervalMs();
    const entry = this.entries.get(key);
    const age = entry ? this.clock() - entry.renderedAt : Number.POSITIVE_INFINITY;
    if (entry && age < interval) return entry.value;
    // Whether to wait is decided when the render starts: under load a render can take longer than an interval, and
    // the visitors meanwhile still get the previous page rather than queueing behind it.
    const running = this.inFlight.get(key) ?? this.start(key, render, !entry || age >= 2 * interval);
    return entry && !running.waitForIt ? entry.value : running.pending;
  }

  private start(key: string, render: () => Promise<RenderOutcome<T>>, waitForIt: boolean) {
    const startedAt = this.clock();
    const pending = render()
      .then(({ value, keep }) => {
        if (keep) this.entries.set(key, { value, renderedAt: startedAt });
        return value;
      })
      .finally(() => this.inFlight.delete(key));
    // A visitor answered from the previous render does not wait for this one: its failure must not go unhandled.
    pending.catch(() => {});
    const running = { pending, waitForIt };
    this.inFlight.set(key, running);
    return running;
  }
}
