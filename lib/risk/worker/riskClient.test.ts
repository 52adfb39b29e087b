import { describe, expect, it } from 'vitest';
import type { RiskRequest, RiskResponse } from '../protocol';
import type { MonteCarloResult } from '../types';
import { RiskClient, type WorkerLike } from './riskClient';

class FakeWorker implements WorkerLike {
  sent: RiskRequest[] = [];
  private listener: ((event: { data: RiskResponse }) => void) | null = null;
  postMessage(message: RiskRequest) {
    this.sent.push(message);
  }
  addEventListener(_type: 'message', listener: (event: { data: RiskResponse }) => void) {
    this.listener = listener;
  }
  answer(id: number, ms = 1) {
    this.listener?.({
      data: { type: 'result', id, ms, result: { kind: 'monteCarlo', seed: id } as unknown as MonteCarloResult },
    });
  }
  fail(id: number) {
    this.listener?.({ data: { type: 'error', id, message: 'boom' } });
  }
}

const base = {
  inputs: { markets: [], correlation: [], tranches: [] },
  stress: { volatilityMultiplier: 1, correlationStress: 0, liquidityDepthMultiplier: 1 },
  scenarios: 10,
  seed: 1,
};

describe('RiskClient', () => {
  it('sends at once when idle and resolves with the answer and the round trip', async () => {
    let t = 0;
    const worker = new FakeWorker();
    const client = new RiskClient(worker, () => (t += 10));
    const outcome = client.request(base);
    expect(worker.sent).toHaveLength(1);
    worker.answer(worker.sent[0]!.id, 3);
    const result = await outcome;
    expect(result.status).toBe('result');
    if (result.status === 'result') {
      expect(result.response.ms).toBe(3);
      expect(result.roundTripMs).toBe(10);
    }
  });

  it('keeps one run in flight, replaces the waiting request and drops stale answers', async () => {
    const worker = new FakeWorker();
    const client = new RiskClient(worker);
    const first = client.request(base);
    const second = client.request(base);
    const third = client.request(base);
    expect(worker.sent).toHaveLength(1); // only the first went out
    expect(await second).toEqual({ status: 'superseded' });
    worker.answer(worker.sent[0]!.id);
    expect(await first).toEqual({ status: 'superseded' }); // a newer request exists
    expect(worker.sent).toHaveLength(2); // the newest was sent next
    expect(worker.sent[1]!.id).toBeGreaterThan(worker.sent[0]!.id);
    worker.answer(worker.sent[1]!.id);
    expect((await third).status).toBe('result');
  });

  it('ignores answers it did not ask for, reports errors, and cancels', async () => {
    const worker = new FakeWorker();
    const client = new RiskClient(worker);
    const a = client.request(base);
    worker.answer(999);
    worker.fail(worker.sent[0]!.id);
    expect(await a).toEqual({ status: 'error', message: 'boom' });
    const b = client.request(base);
    client.cancel();
    worker.answer(worker.sent[1]!.id);
    expect(await b).toEqual({ status: 'superseded' });
  });
});
