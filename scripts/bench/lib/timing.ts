import { median } from './format';

/** Wall and CPU milliseconds of one call (CPU: this process's user time, steadier on a shared machine). */
export function timeCall(run: () => unknown): { wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  run();
  const wallMs = performance.now() - started;
  return { wallMs, cpuMs: process.cpuUsage(cpu).user / 1000 };
}

/** Median wall time of `runs` calls after `warmups` untimed ones (JIT). */
export function medianMs(run: () => unknown, runs = 5, warmups = 1): number {
  for (let i = 0; i < warmups; i++) run();
  return median(Array.from({ length: runs }, () => timeCall(run).wallMs));
}

/** "… ms (target < N ms: ok|MISSED)". */
export function againstTarget(ms: number, targetMs: number): string {
  return `${ms.toFixed(1)} ms (target < ${targetMs} ms: ${ms < targetMs ? 'ok' : 'MISSED'})`;
}
