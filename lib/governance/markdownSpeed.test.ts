import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostileDescriptions } from './hostileDescriptions';
import { bestOf, loadRenderer } from './markdownTiming';

// Before React is first loaded in this file's process (vitest isolates files): the production build, as served.
Object.assign(process.env, { NODE_ENV: 'production' });

describe('a hostile 100 KB proposal description', () => {
  let render: (source: string) => string = () => '';
  beforeAll(async () => {
    render = await loadRenderer();
  });

  it('is timed with the React build the server runs', () => {
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    expect(loaded.some((file) => /react-dom-server[^/]*\.production\.js$/.test(file))).toBe(true);
    expect(loaded.some((file) => /react-dom-server[^/]*\.development\.js$/.test(file))).toBe(false);
  });

  const big = hostileDescriptions(100_000);
  const small = hostileDescriptions(10_000);
  for (const [shape, source] of Object.entries(big)) {
    it(`renders ${shape} in under 50 ms of CPU, and 10× the text costs at most 10× the time`, () => {
      expect(render(source).length, 'the text past the limit is kept, as plain text').toBeGreaterThan(
        source.length / 2,
      );
      // CPU time of this process (vitest runs each file in its own): the render's work, whatever else the machine runs.
      const bigMs = bestOf(() => render(source), 9).cpuMs;
      const smallMs = bestOf(() => render(small[shape] ?? ''), 9).cpuMs;
      expect(bigMs, `${shape}: ${bigMs.toFixed(1)} ms of CPU`).toBeLessThan(50);
      // Quadratic work would cost 100× here (the old renderer took 33–47 s); a few ms cover timer noise on tiny figures.
      expect(bigMs, `${shape}: 100 KB ${bigMs.toFixed(1)} ms, 10 KB ${smallMs.toFixed(1)} ms of CPU`).toBeLessThan(
        smallMs * 10 + 3,
      );
    });
  }
});
