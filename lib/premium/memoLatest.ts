/**
 * Keeps the last result of `compute` and returns it while `keyOf` gives the same key: the server's pages and APIs
 * then run a model once per change of its inputs (a new block, sample or premium day), not once per request.
 */
export function memoLatest<A extends unknown[], R>(
  keyOf: (...args: A) => string,
  compute: (...args: A) => R,
): (...args: A) => R {
  let last: { key: string; value: R } | null = null;
  return (...args: A) => {
    const key = keyOf(...args);
    if (last?.key !== key) last = { key, value: compute(...args) };
    return last.value;
  };
}
