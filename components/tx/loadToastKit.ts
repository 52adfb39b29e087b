import { loadOnce } from '@/lib/loadOnce';

export type ToastKit = typeof import('./toastKit');

/** Sonner, fetched after hydration or with the first toast. */
export const loadToastKit = loadOnce<ToastKit>(() => import('./toastKit'));
