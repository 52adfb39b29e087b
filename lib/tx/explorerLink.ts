import type { Hash } from 'viem';

/** A transaction's page on the configured block explorer, or null when none is configured. */
export function explorerTxUrl(explorerUrl: string | null, hash: Hash): string | null {
  if (!explorerUrl) return null;
  return `${explorerUrl.replace(/\/+$/, '')}/tx/${hash}`;
}

/** An address's page on the configured block explorer, or null when none is configured. */
export function explorerAddressUrl(explorerUrl: string | null, address: string): string | null {
  if (!explorerUrl) return null;
  return `${explorerUrl.replace(/\/+$/, '')}/address/${address}`;
}

/** A hash short enough for a line of text, still distinct to the eye: "0x12345678…abcdef". */
export function shortHash(hash: string): string {
  return hash.length <= 18 ? hash : `${hash.slice(0, 10)}…${hash.slice(-6)}`;
}
