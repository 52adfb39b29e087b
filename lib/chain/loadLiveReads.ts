import { loadOnce } from '@/lib/loadOnce';

export type LiveReads = typeof import('./liveReads');

/** The browser's live-read code (liveReads.ts), fetched on the first refresh or preview. */
export const loadLiveReads = loadOnce<LiveReads>(() => import('./liveReads'));
