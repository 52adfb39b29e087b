export type ToastKit = typeof import('./toastKit');

let loading: Promise<ToastKit> | null = null;

/** Sonner, fetched once per page load; a failed fetch is tried again on the next toast. */
export function loadToastKit(): Promise<ToastKit> {
  loading ??= import('./toastKit').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
