import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { TrancheQuoteSection } from '@/components/risk/TrancheQuoteSection';
import { TrancheDetail } from '@/components/tranches/TrancheDetail';
import { getConfig } from '@/lib/chain/config';
import { readAccountDashboardOrLastKnown } from '@/lib/chain/cachedDashboard';
import { healthSettings } from '@/lib/chain/healthSettings';
import { INDEXER_SOURCE } from '@/lib/health/sources';
import { readIndexerProgressCached, readSamplesCached } from '@/lib/indexer/cachedIndexer';
import { catchUpOf } from '@/lib/indexer/progress';
import { IndexerCatchUpNotice } from '@/components/ui/IndexerCatchUpNotice';
import { OutageNotices, readFrom } from '@/components/ui/OutageNotices';
import { parseTrancheRef, TRANCHE_SLUGS } from '@/lib/tranches/trancheRef';
import { requestReconnectingWallet } from '@/lib/server/walletStateCookie';
import { SectionBoundary } from '@/components/ui/SectionBoundary';

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const id = parseTrancheRef((await params).id);
  const slug = id === null ? 'Tranche' : TRANCHE_SLUGS[id];
  return { title: `${slug.charAt(0).toUpperCase()}${slug.slice(1)} tranche` };
}

export default async function TranchePage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const id = parseTrancheRef((await params).id);
  if (id === null) notFound();
  const config = getConfig();
  if (!config.ok) return null; // the root layout shows what is wrong

  // A returning wallet's position is read with the tranche, so the page is laid out for it before the wallet
  // reconnects. The samples read is shared with /health and /tranches (cached): here it tells whether the indexer
  // behind the position history and the risk quote's price history is up.
  const account = (await requestReconnectingWallet())?.account ?? null;
  const { indexerUrl, refreshSeconds } = healthSettings();
  const [lens, samples, progress] = await Promise.all([
    readAccountDashboardOrLastKnown(config.config, account),
    readSamplesCached(indexerUrl),
    readIndexerProgressCached(indexerUrl),
  ]);
  const latestSample = samples.value?.at(-1);
  const dashboard = lens.value;
  const catchUp = samples.failure ? null : catchUpOf(progress.value, dashboard?.blockNumber ?? null, config.config.deployBlock);
  const name = dashboard?.tranches[id]?.name ?? `Tranche ${id}`;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/tranches" className="text-slate-400 hover:text-slate-200">
          ← All tranches
        </Link>
      </p>
      <h1 className="mb-6 text-2xl font-semibold text-slate-50" data-testid="tranche-title">
        {name}
      </h1>
      <OutageNotices
        now={Date.now()}
        refreshSeconds={refreshSeconds}
        notices={[
          {
            failure: samples.failure && { source: INDEXER_SOURCE, ...samples.failure },
            shownFrom: latestSample ? readFrom(latestSample.blockNumber, samples.fetchedAt, Date.now()) : null,
          },
        ]}
      />
      {catchUp ? (
        <IndexerCatchUpNotice
          className="mb-6"
          catchUp={catchUp}
          refreshSeconds={refreshSeconds}
          shows="Your deposit and withdrawal history, and the price history behind the risk quote, stop at that block until it is done."
        />
      ) : null}
      <SectionBoundary name="Tranche and position">
        <TrancheDetail trancheId={id} initialDashboard={dashboard} initialError={lens.failure?.message ?? null} initialFailure={lens.failure} renderedAt={Date.now()} />
      </SectionBoundary>
      <div className="mt-6">
        <SectionBoundary name="Risk quote">
          <TrancheQuoteSection trancheId={id} />
        </SectionBoundary>
      </div>
    </>
  );
}
