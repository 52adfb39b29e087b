import type { z } from 'zod';
import type { Flow } from '@/lib/tranches/costBasis';
import { flowsResponse, lossesResponse, premiumsResponse, samplesResponse, stewardUpdatesResponse } from './schema';
import { IndexerError } from './errors';
import { fetchIndexer } from './fetchIndexer';

async function getJson<S extends z.ZodType>(baseUrl: string, path: string, schema: S): Promise<z.output<S>> {
  const response = await fetchIndexer(baseUrl, path);
  if (!response.ok) throw new IndexerError(`The indexer answered ${response.status} for ${path}.`);
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new IndexerError(
      `The indexer's ${path} does not match docs/interfaces.md: ${issue?.path.join('.')}: ${issue?.message}`,
    );
  }
  return parsed.data;
}

export async function fetchSamples(baseUrl: string, from: number) {
  return (await getJson(baseUrl, `/api/samples?from=${from}`, samplesResponse)).samples;
}

export async function fetchLosses(baseUrl: string) {
  return (await getJson(baseUrl, '/api/losses', lossesResponse)).losses;
}

export async function fetchDailyPremiums(baseUrl: string, from: number) {
  return (await getJson(baseUrl, `/api/premiums?from=${from}&bucket=day`, premiumsResponse)).premiums;
}

/** The risk steward's updates, newest first. */
export async function fetchStewardUpdates(baseUrl: string) {
  return (await getJson(baseUrl, '/api/steward-updates', stewardUpdatesResponse)).updates;
}

/** An account's deposits and withdrawals in every tranche, oldest first, amounts as raw integers. */
export async function fetchAccountFlows(baseUrl: string, account: string): Promise<Flow[]> {
  const { flows } = await getJson(baseUrl, `/api/accounts/${account}/flows`, flowsResponse);
  return flows.map((f) => ({
    trancheId: f.trancheId,
    kind: f.kind,
    assets: BigInt(f.assets),
    shares: BigInt(f.shares),
    timestamp: f.timestamp,
    blockNumber: BigInt(f.blockNumber),
  }));
}
