/**
 * Proposal description benchmark: the server render (parse, elements, HTML) of hostile 100 KB descriptions, with
 * React's production build as the server runs it. Target: every shape under 50 ms (issue #18; the hand-written
 * renderer it replaced took 33–47 s on 100 KB of "[").
 * Run: node --import tsx scripts/bench/markdown.bench.ts   (or `npm run bench -- markdown`)
 */
Object.assign(process.env, { NODE_ENV: 'production' });

async function main() {
  const { hostileDescriptions } = await import('../../lib/governance/hostileDescriptions');
  const { MARKDOWN_RENDER_LIMIT } = await import('../../lib/governance/markdown');
  const { bestMs, loadRenderer } = await import('../../lib/governance/markdownTiming');

  const TARGET_MS = 50;
  const render = await loadRenderer();
  const big = hostileDescriptions(100_000);
  const small = hostileDescriptions(10_000);

  console.log('# proposal description render (best of 9 runs, production React)');
  console.log(`formatted up to ${MARKDOWN_RENDER_LIMIT} characters, the rest as plain text`);
  console.log(`${'shape'.padEnd(26)} ${'100 KB'.padStart(9)} ${'10 KB'.padStart(9)}  ratio`);
  let worst = 0;
  for (const [shape, source] of Object.entries(big)) {
    render(source); // warm up
    const bigMs = bestMs(() => render(source), 9);
    const smallMs = bestMs(() => render(small[shape] ?? ''), 9);
    worst = Math.max(worst, bigMs);
    console.log(`${shape.padEnd(26)} ${bigMs.toFixed(2).padStart(6)} ms ${smallMs.toFixed(2).padStart(6)} ms  ${(bigMs / Math.max(smallMs, 0.01)).toFixed(1)}×`);
  }
  // Like the other benches it prints and asserts nothing: lib/governance/markdownSpeed.test.ts holds the target.
  console.log(`worst 100 KB render: ${worst.toFixed(1)} ms (target < ${TARGET_MS} ms) ${worst < TARGET_MS ? 'ok' : 'MISSED'}`);
}

void main();
