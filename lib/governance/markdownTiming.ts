/**
 * Times the proposal description's server render (parse, elements, HTML) as the server runs it: React's production
 * build. Set NODE_ENV=production before the first import of React, then call `loadRenderer()`; the development build
 * records a debug stack per element and is several times slower, which is not what visitors wait for.
 */
export async function loadRenderer(): Promise<(source: string) => string> {
  const [{ createElement }, { renderToStaticMarkup }, { renderDescription }] = await Promise.all([
    import('react'),
    import('react-dom/server'),
    import('@/components/governance/Markdown'),
  ]);
  return (source) => renderToStaticMarkup(createElement('div', null, renderDescription(source)));
}

export interface Timing {
  /** Best wall-clock time of the runs, ms: what a visitor waits for on an idle server. */
  wallMs: number;
  /** Best CPU time of this process over the runs, ms: the work itself, not the time other processes held the core. */
  cpuMs: number;
}

/**
 * Best of a few runs. On a busy 2-core machine (other builds, Chromium) a run can wait for a core for longer than it
 * works, so the CPU time is the figure a test can hold to a bound; the wall time is printed beside it.
 */
export function bestOf(run: () => void, runs = 5): Timing {
  let wallMs = Infinity;
  let cpuMs = Infinity;
  for (let i = 0; i < runs; i++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    run();
    wallMs = Math.min(wallMs, performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuMs = Math.min(cpuMs, (used.user + used.system) / 1000);
  }
  return { wallMs, cpuMs };
}
