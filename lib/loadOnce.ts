/**
 * A code-split module, fetched on the first call and shared by every later one. A failed fetch (a network blip, a
 * deploy that replaced the chunk) is forgotten, so the next call tries again instead of failing for the page's life.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}
