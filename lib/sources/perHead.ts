/**
 * Wraps a costly computation over an upstream's data so it runs once per state of that data: `read` fetches the
 * inputs (from other sources' caches, cheap), `headOf` names their state (the indexer's head), and the computation
 * runs again only when that name changes. The returned function is a Source's `read`.
 */
export function perHead<I, T>(
  read: () => Promise<I>,
  headOf: (inputs: I) => string,
  compute: (inputs: I) => T,
): () => Promise<T> {
  let held: { head: string; value: T } | null = null;
  return async () => {
    const inputs = await read();
    const head = headOf(inputs);
    if (held?.head !== head) held = { head, value: compute(inputs) };
    return held.value;
  };
}
