/**
 * The indexer URL of a chain whose BACKSTOP_CHAINS entry names none. Its pages still work from the chain; what only
 * an indexer knows (histories, proposals) is reported missing by fetchIndexer (lib/indexer/fetchIndexer.ts), never read
 * from another chain's indexer.
 */
export const NO_INDEXER = 'none:';
