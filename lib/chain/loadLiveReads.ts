export type LiveReads = typeof import('./liveReads');

let loading: Promise<LiveReads> | null = null;

/** The browser's live-read code (liveReads.ts), fetched once; a failed fetch is tried again on the next read. */
export function loadLiveReads(): Promise<LiveReads> {
  loading ??= import('./liveReads').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
