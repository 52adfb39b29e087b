import type { Metadata } from 'next';
import { connection } from 'next/server';
import { ChainsSection } from '@/components/health/ChainsSection';
import { HealthView } from '@/components/health/HealthView';
import { PremiumSection } from '@/components/premium/PremiumSection';
import { PageShell } from '@/components/ui/PageShell';
import { getConfig } from '@/lib/chain/config';
import { parseRange } from '@/lib/health/range';
import { loadBacktest } from '@/lib/sources/loaders/loadBacktest';
import { loadChains } from '@/lib/sources/loaders/loadChains';
import { loadHealth } from '@/lib/sources/loaders/loadHealth';

export const metadata: Metadata = {
  title: 'Health',
  alternates: {
    types: { 'application/atom+xml': '/feed.atom', 'application/feed+json': '/feed.json' },
  },
};

/** Public and wallet-free: server-rendered from cached reads, charts load after first paint. */
export default async function HealthPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const config = getConfig();
  if (!config.ok) return null; // the root layout shows what is wrong
  const range = parseRange((await searchParams).range);
  const { chains } = config;
  const [{ data, sources }, backtest, chainsHealth] = await Promise.all([
    loadHealth(config.config),
    loadBacktest(),
    // One chain: the page as it always was. Several: their combined figures and each one's own, first.
    chains.length > 1 ? loadChains(chains) : null,
  ]);
  const now = Date.now();

  return (
    <PageShell chainName={config.config.chainName}>
      <h1 className="text-2xl font-semibold text-slate-50">Backstop health</h1>
      <p className="mt-1 mb-6 max-w-3xl text-slate-400">
        Can the backstop pay the next liquidation shortfall? Current figures come from one lens read, history from the
        indexed contract events. Losses, solvency warnings and governance decisions as a feed:{' '}
        <a className="text-amber-300 underline hover:text-amber-200" href="/feed.atom">
          Atom
        </a>{' '}
        or{' '}
        <a className="text-amber-300 underline hover:text-amber-200" href="/feed.json">
          JSON Feed
        </a>
        .
      </p>
      <HealthView
        data={data}
        sources={sources}
        backtest={backtest}
        range={range}
        now={now}
        explorerUrl={config.config.explorerUrl}
        chainsSection={
          chainsHealth ? <ChainsSection health={chainsHealth} now={now} refreshSeconds={data.refreshSeconds} /> : null
        }
      />
      <div className="mt-8">
        <PremiumSection />
      </div>
    </PageShell>
  );
}
