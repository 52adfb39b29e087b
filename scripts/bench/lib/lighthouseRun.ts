// One Lighthouse run in a process of its own: node --import tsx lighthouseRun.ts <url> <mobile|desktop> <out.json>.
// Lighthouse can reject promises it no longer awaits when the machine is slow (PROTOCOL_TIMEOUT); in a child that
// ends one attempt, which the parent (lighthouse.ts) retries, instead of the whole bench.
import fs from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_FLAGS, chromiumExecutable } from '../../lib/chromium';

async function main() {
  const [url, preset, outFile] = process.argv.slice(2);
  if (!url || (preset !== 'mobile' && preset !== 'desktop') || !outFile) {
    throw new Error('usage: lighthouseRun.ts <url> <mobile|desktop> <out.json>');
  }
  // A dynamic import keeps Lighthouse on Node's own ESM loader. A static one becomes require() under tsx, which
  // recompiles it with esbuild's name helper, and the functions Lighthouse evaluates in the page then fail on `__name`.
  const { default: lighthouse, desktopConfig } = await import('lighthouse');
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumExecutable(),
    chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
    logLevel: 'error',
  });
  const quit = () => {
    try {
      chrome.kill();
    } catch {
      // already gone
    }
  };
  // chrome-launcher starts Chromium in a process group of its own: a stop of ours must take it along.
  process.on('SIGTERM', () => {
    quit();
    process.exit(143);
  });
  process.on('unhandledRejection', (error) => {
    quit();
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] },
      preset === 'desktop' ? desktopConfig : undefined,
    );
    if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
    fs.writeFileSync(outFile, JSON.stringify(result.lhr));
  } finally {
    quit();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
