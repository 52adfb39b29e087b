/** Any failure to get history from the indexer (down, an error status, an unexpected shape): pages name the source. */
export class IndexerError extends Error {
  override name = 'IndexerError';
}
