/** The browser worker; the literal `new URL(…, import.meta.url)` is what lets the bundler emit it as its own chunk. */
export function createRiskWorker(): Worker {
  return new Worker(new URL('./risk.worker.ts', import.meta.url), { type: 'module', name: 'risk-monte-carlo' });
}
