import { describe, expect, it } from 'vitest';
import { NO_INDEXER } from '@/lib/chain/indexerUrl';
import { IndexerError } from './errors';
import { fetchIndexer } from './fetchIndexer';

describe('fetchIndexer', () => {
  it("says a chain has no indexer, and asks nobody else's", async () => {
    const error = await fetchIndexer(NO_INDEXER, '/api/samples').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexerError);
    expect((error as Error).message).toMatch(/^No indexer is configured for this chain: add its indexerUrl/);
  });

  it('names an indexer that does not answer', async () => {
    // Port 9 (discard) on loopback: refused at once, nothing listens there in the test environment.
    const error = await fetchIndexer('http://127.0.0.1:9', '/ready').catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^The indexer at http:\/\/127\.0\.0\.1:9 did not answer/);
  });
});
