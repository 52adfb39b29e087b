import { IndexerError } from './errors';
import { fetchIndexer } from './fetchIndexer';
import { statusResponse } from './schema';

/** Whether the indexer has read the chain's whole history yet, and how far it has got. */
export interface IndexerProgress {
  /** Ponder's GET /ready: true once the backfill is complete (it stays true while it follows new blocks). */
  ready: boolean;
  /** The newest block the indexer has processed (its GET /api/status). */
  indexedBlock: bigint;
}

/** Ponder answers /ready with 200 once the backfill is done and 503 until then; /api/status names its head block. */
export async function fetchIndexerProgress(baseUrl: string): Promise<IndexerProgress> {
  const [ready, status] = await Promise.all([fetchIndexer(baseUrl, '/ready'), fetchIndexer(baseUrl, '/api/status')]);
  // The body is never read; release it so that the connection can be reused.
  await ready.body?.cancel();
  if (ready.status !== 200 && ready.status !== 503)
    throw new IndexerError(`The indexer answered ${ready.status} for /ready.`);
  if (!status.ok) throw new IndexerError(`The indexer answered ${status.status} for /api/status.`);
  const parsed = statusResponse.safeParse(await status.json());
  if (!parsed.success)
    throw new IndexerError(
      `The indexer's /api/status does not match docs/interfaces.md: ${parsed.error.issues[0]?.message}`,
    );
  return { ready: ready.status === 200, indexedBlock: BigInt(parsed.data.latestBlock) };
}

/** Where a backfill stands, for a page to say so: null once the indexer has caught up (or nothing is known). */
export interface CatchUp {
  indexedBlock: bigint;
  chainBlock: bigint;
  /** Share of the deployment's blocks read so far, 0–100, rounded down (100 only when caught up). */
  percent: number;
}

export function catchUpOf(
  progress: IndexerProgress | null,
  chainBlock: bigint | null,
  deployBlock: number,
): CatchUp | null {
  if (!progress || progress.ready || chainBlock === null) return null;
  const first = BigInt(deployBlock);
  const total = chainBlock - first;
  const done = progress.indexedBlock > first ? progress.indexedBlock - first : 0n;
  const percent = total <= 0n ? 0 : Math.min(99, Number((done * 100n) / total));
  return { indexedBlock: progress.indexedBlock, chainBlock, percent };
}
