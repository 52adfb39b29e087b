// Query and path parameters, checked: a bad one answers 400 with the reason instead of an empty list.
export class BadRequest extends Error {}

export function unixParam(raw: string | undefined, name: string): number {
  if (raw === undefined || raw === '') return 0;
  if (!/^\d{1,12}$/.test(raw)) throw new BadRequest(`${name} must be unix seconds (a whole number ≥ 0), got "${raw}"`);
  return Number(raw);
}

export function uintParam(raw: string, name: string): bigint {
  if (!/^\d{1,78}$/.test(raw)) throw new BadRequest(`${name} must be a decimal integer, got "${raw}"`);
  return BigInt(raw);
}

export function addressParam(raw: string, name: string): `0x${string}` {
  if (!/^0x[0-9a-fA-F]{40}$/.test(raw)) throw new BadRequest(`${name} must be a 0x-prefixed 20-byte address`);
  // Ponder stores hex columns lowercased.
  return raw.toLowerCase() as `0x${string}`;
}
