/** How banners name the two upstreams, so that pages, tests and the load script agree. */
export const CHAIN_SOURCE = 'Chain RPC';
export const INDEXER_SOURCE = 'History indexer';
