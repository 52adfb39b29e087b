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

/** Best of a few runs, in ms: on a busy machine the fastest run is the one closest to the work itself. */
export function bestMs(run: () => void, runs = 5): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}
