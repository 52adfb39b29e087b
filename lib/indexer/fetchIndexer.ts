import { IndexerError } from './errors';

const TIMEOUT_MS = 4_000;

/** GET a path of the indexer, uncached and bounded in time; no answer at all is an IndexerError naming the indexer. */
export async function fetchIndexer(baseUrl: string, path: string): Promise<Response> {
  try {
    return await fetch(`${baseUrl}${path}`, { cache: 'no-store', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new IndexerError(`The indexer at ${baseUrl} did not answer (${(error as Error).message}).`);
  }
}
