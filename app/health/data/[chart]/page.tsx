import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { ChartDataView } from '@/components/health/ChartDataView';
import { PageShell } from '@/components/ui/PageShell';
import { getConfig } from '@/lib/chain/config';
import { CHART_META, isChartKind } from '@/lib/health/chartKinds';
import { parseRange } from '@/lib/health/range';
import { loadHealth } from '@/lib/sources/loaders/loadHealth';

type Props = {
  params: Promise<{ chart: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { chart } = await params;
  return { title: isChartKind(chart) ? `${CHART_META[chart].title} data` : 'Chart data' };
}

/** A chart's data table on a page of its own: public, wallet-free, and readable without JavaScript. */
export default async function ChartDataPage({ params, searchParams }: Props) {
  await connection();
  const { chart } = await params;
  if (!isChartKind(chart)) notFound();
  const config = getConfig();
  if (!config.ok) return null; // the root layout shows what is wrong
  const range = parseRange((await searchParams).range);
  const { data, sources } = await loadHealth(config.config);
  return (
    <PageShell chainName={config.config.chainName}>
      <ChartDataView kind={chart} data={data} sources={sources} range={range} now={Date.now()} />
    </PageShell>
  );
}
