/**
 * One value per server process, made on first use. Next bundles each route (pages, /api/health, the CSVs…)
 * separately, each with its own copy of a module, so module-level state would be per route; what every route of the
 * process must share (a queue, a cache) lives on globalThis under a registered symbol instead.
 */
export function processWide<T>(name: string, make: () => T): T {
  const key = Symbol.for(`backstop.${name}`);
  const holder = globalThis as typeof globalThis & Record<symbol, unknown>;
  if (!(key in holder)) holder[key] = make();
  return holder[key] as T;
}
