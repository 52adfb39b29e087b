import type { z } from 'zod';
import { proposalsResponse, votesResponse } from './proposalsSchema';
import {
  flowsResponse,
  lossesResponse,
  premiumsResponse,
  samplesResponse,
  statusResponse,
  stewardUpdatesResponse,
} from './schema';

/**
 * Every GET route of the indexer's HTTP API (Hono's path syntax) and the schema of its answer. apiDocs.test.ts holds
 * the Ponder routes (indexer/src/api) and docs/interfaces.md to this list.
 */
export const INDEXER_ENDPOINTS: readonly { route: string; response: z.ZodType }[] = [
  { route: '/api/samples', response: samplesResponse },
  { route: '/api/losses', response: lossesResponse },
  { route: '/api/premiums', response: premiumsResponse },
  { route: '/api/steward-updates', response: stewardUpdatesResponse },
  { route: '/api/proposals', response: proposalsResponse },
  { route: '/api/proposals/:id/votes', response: votesResponse },
  { route: '/api/accounts/:address/flows', response: flowsResponse },
  { route: '/api/status', response: statusResponse },
];
