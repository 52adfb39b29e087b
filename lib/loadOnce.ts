/** A code-split module's loader: the first call fetches it, every later one shares that fetch. */
export interface Loader<T> {
  (): Promise<T>;
  /** The module once fetched, else null: lets a component that renders after it arrived use it at once. */
  readonly current: T | null;
}

/**
 * A code-split module, fetched on the first call and shared by every later one. A failed fetch (a network blip, a
 * deploy that replaced the chunk) is forgotten, so the next call tries again instead of failing for the page's life.
 */
export function loadOnce<T>(load: () => Promise<T>): Loader<T> {
  let loading: Promise<T> | null = null;
  let current: T | null = null;
  const loader = () => {
    loading ??= load().then(
      (value) => (current = value),
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  };
  return Object.defineProperty(loader, 'current', { get: () => current }) as Loader<T>;
}
