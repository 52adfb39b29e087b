import { NO_INDEXER } from '@/lib/chain/indexerUrl';
import { IndexerError } from './errors';

const TIMEOUT_MS = 4_000;

/** GET a path of the indexer, uncached and bounded in time; no answer at all is an IndexerError naming the indexer. */
export async function fetchIndexer(baseUrl: string, path: string): Promise<Response> {
  if (baseUrl === NO_INDEXER) {
    throw new IndexerError(
      "No indexer is configured for this chain: add its indexerUrl to the chain's BACKSTOP_CHAINS entry (docs/chains.md).",
    );
  }
  try {
    return await fetch(`${baseUrl}${path}`, { cache: 'no-store', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new IndexerError(`The indexer at ${baseUrl} did not answer (${(error as Error).message}).`);
  }
}
