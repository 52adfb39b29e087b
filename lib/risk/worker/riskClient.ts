import type { RiskRequest, RiskResponse } from '../protocol';

/** The part of a Worker the client needs (a browser Worker, or a fake in tests). */
export interface WorkerLike {
  postMessage(message: RiskRequest): void;
  addEventListener(type: 'message', listener: (event: { data: RiskResponse }) => void): void;
}

export type RiskOutcome =
  | { status: 'result'; response: Extract<RiskResponse, { type: 'result' }>; roundTripMs: number }
  | { status: 'error'; message: string }
  | { status: 'superseded' };

interface Pending {
  request: RiskRequest;
  resolve: (outcome: RiskOutcome) => void;
}

/**
 * Latest-wins access to one worker: at most one run in flight and one waiting. A newer request replaces the waiting
 * one (resolved 'superseded' without ever running), and an answer to anything but the newest request is reported
 * 'superseded', so slider drags never queue up stale simulations and a late answer never overwrites a newer one.
 */
export class RiskClient {
  private nextId = 1;
  private latestId = 0;
  private inFlight: (Pending & { sentAt: number }) | null = null;
  private waiting: Pending | null = null;

  constructor(
    private readonly worker: WorkerLike,
    private readonly now: () => number = () => performance.now(),
  ) {
    worker.addEventListener('message', (event) => this.receive(event.data));
  }

  request(request: Omit<RiskRequest, 'type' | 'id'>): Promise<RiskOutcome> {
    const full: RiskRequest = { ...request, type: 'simulate', id: this.nextId++ };
    this.latestId = full.id;
    return new Promise((resolve) => {
      this.waiting?.resolve({ status: 'superseded' });
      this.waiting = { request: full, resolve };
      if (!this.inFlight) this.sendWaiting();
    });
  }

  /** Drops whatever is waiting and marks any answer in flight as stale (e.g. the component unmounted). */
  cancel(): void {
    this.latestId = this.nextId++;
    this.waiting?.resolve({ status: 'superseded' });
    this.waiting = null;
  }

  private sendWaiting(): void {
    const next = this.waiting;
    if (!next) return;
    this.waiting = null;
    this.inFlight = { ...next, sentAt: this.now() };
    this.worker.postMessage(next.request);
  }

  private receive(response: RiskResponse): void {
    const current = this.inFlight;
    if (!current || response.id !== current.request.id) return; // not ours (or already given up)
    this.inFlight = null;
    if (response.id !== this.latestId) current.resolve({ status: 'superseded' });
    else if (response.type === 'error') current.resolve({ status: 'error', message: response.message });
    else current.resolve({ status: 'result', response, roundTripMs: this.now() - current.sentAt });
    this.sendWaiting();
  }
}
