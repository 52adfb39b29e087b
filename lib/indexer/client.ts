import type { z } from 'zod';
import { lossesResponse, premiumsResponse, samplesResponse } from './schema';
import { IndexerError } from './errors';

const TIMEOUT_MS = 4_000;

async function getJson<S extends z.ZodType>(baseUrl: string, path: string, schema: S): Promise<z.output<S>> {
  const url = `${baseUrl}${path}`;
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-store', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new IndexerError(`The indexer at ${baseUrl} did not answer (${(error as Error).message}).`);
  }
  if (!response.ok) throw new IndexerError(`The indexer answered ${response.status} for ${path}.`);
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new IndexerError(`The indexer's ${path} does not match docs/interfaces.md: ${issue?.path.join('.')}: ${issue?.message}`);
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
