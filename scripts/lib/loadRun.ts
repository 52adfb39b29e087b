import autocannon from 'autocannon';

export interface LoadResult {
  url: string;
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  total: number;
  latency: { p50: number; p99: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

export interface RunningLoad {
  /** Ends the run early; `done` then resolves with what was measured so far. */
  stop(): void;
  done: Promise<LoadResult>;
}

/** autocannon against one URL, at most `seconds` long; the caller may stop it sooner. */
export function startLoad(url: string, connections: number, seconds: number): RunningLoad {
  let instance: autocannon.Instance | undefined;
  const done = new Promise<LoadResult>((resolve, reject) => {
    // The Accept header of a browser's page view: /health's render cache serves documents only (cachedPageKey.ts).
    const headers = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
    instance = autocannon({ url, connections, duration: seconds, timeout: 10, headers }, (error, result) => {
      if (error) return reject(error instanceof Error ? error : new Error(String(error)));
      resolve({
        url,
        connections,
        seconds: result.duration,
        requestsPerSecond: result.requests.mean,
        total: result.requests.total,
        latency: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
      });
    });
  });
  return { done, stop: () => instance?.stop() };
}

export function describeLoad(r: LoadResult): string {
  return (
    `${r.total} requests in ${r.seconds.toFixed(1)} s at ${r.connections} connections: ${r.requestsPerSecond.toFixed(1)} req/s, ` +
    `latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms; ` +
    `non-2xx ${r.non2xx}, errors ${r.errors} (timeouts ${r.timeouts})`
  );
}
