import type { Clock } from '@/lib/sources/clock';

/** What one render produced, and whether it may be shown to the next visitors (an error page may not). */
export interface RenderOutcome<T> {
  value: T;
  keep: boolean;
}

interface Entry<T> {
  value: T;
  renderedAt: number;
  /** The last time a visitor asked for this key. */
  requestedAt: number;
}

/**
 * One render per key per interval however many visitors ask. Within the interval every visitor gets the same render;
 * after it, the first visitor starts the next render and, while it runs, everyone gets the previous one, unless
 * nobody asked for the key for two intervals: a page nobody opened for a while waits for a fresh render, so an outage
 * that began meanwhile shows on its first view. Idleness is measured from the last request, not from the render's
 * age: under a crowd a render can take longer than an interval, and its page must not count as idle the moment it
 * lands (everyone then queued behind the next render: 80 of 26,107 views timed out at 200 connections).
 * Concurrent misses share one render; a render that fails, or is not to be kept, answers only the visitors who
 * waited for it.
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
    const now = this.clock();
    const entry = this.entries.get(key);
    const idle = entry ? now - entry.requestedAt : Number.POSITIVE_INFINITY;
    if (entry) entry.requestedAt = now;
    if (entry && now - entry.renderedAt < interval) return entry.value;
    // Whether to wait is decided when the render starts: the visitors meanwhile still get the previous page rather
    // than queueing behind it, however long the render takes.
    const running = this.inFlight.get(key) ?? this.start(key, render, !entry || idle >= 2 * interval);
    return entry && !running.waitForIt ? entry.value : running.pending;
  }

  private start(key: string, render: () => Promise<RenderOutcome<T>>, waitForIt: boolean) {
    const startedAt = this.clock();
    const pending = render()
      .then(({ value, keep }) => {
        if (keep) {
          const requestedAt = Math.max(startedAt, this.entries.get(key)?.requestedAt ?? startedAt);
          this.entries.set(key, { value, renderedAt: startedAt, requestedAt });
        }
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
