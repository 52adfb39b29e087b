/** The longest name shown, in characters: the module refuses longer ones (MAX_PROTOCOL_NAME_LENGTH). */
export const MAX_PROTOCOL_NAME_LENGTH = 32;

/**
 * A covered protocol's name as read from the chain or the indexer, made safe to show: printable ASCII only (the
 * module accepts nothing else, but the text reaching us is untrusted), whitespace runs collapsed, at most
 * MAX_PROTOCOL_NAME_LENGTH characters. An empty or unusable name becomes "Protocol #id".
 */
export function protocolLabel(name: unknown, id: number): string {
  return plainLabel(name, MAX_PROTOCOL_NAME_LENGTH) || `Protocol #${id}`;
}

/** Untrusted text as a short plain label: printable ASCII, single spaces, at most `max` characters; '' if none. */
export function plainLabel(text: unknown, max: number): string {
  if (typeof text !== 'string') return '';
  return text
    .replace(/[^\x20-\x7e]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max)
    .trim();
}

/**
 * The underlying asset a market trades, from its on-chain name ("ETH", "eth-perp", "BTC / USD"): its first run of
 * letters and digits, upper-cased, at most 10 characters; "Other" when it has none.
 */
export function assetClassOf(marketName: unknown): string {
  const text = typeof marketName === 'string' ? marketName : '';
  const token = /[A-Za-z0-9]+/.exec(text)?.[0];
  return token ? token.slice(0, 10).toUpperCase() : 'Other';
}
