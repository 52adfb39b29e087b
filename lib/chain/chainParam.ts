import type { PublicConfig } from './publicConfig';

/** The query parameter that names the chain a wallet page shows and acts on (docs/chains.md). */
export const CHAIN_PARAM = 'chain';

export type ChainPick =
  | {
      ok: true;
      chain: PublicConfig;
      /** Whether the URL named it (false: the default chain, by absence). */ explicit: boolean;
    }
  | { ok: false; problem: string };

/**
 * The configured chain a `?chain=` value names; absent means the default chain (`chains[0]`). The value is the
 * visitor's to type: anything but one configured chain's decimal id is refused with what the app serves instead.
 */
export function pickChain(chains: readonly PublicConfig[], raw: string | string[] | null | undefined): ChainPick {
  const fallback = chains[0];
  if (!fallback) return { ok: false, problem: 'no chain is configured' };
  if (raw === undefined || raw === null) return { ok: true, chain: fallback, explicit: false };
  const served = chains.map((c) => `${c.chainName} (chain ${c.chainId})`).join(', ');
  const value = Array.isArray(raw) ? null : raw;
  const chain =
    value !== null && /^[1-9][0-9]{0,15}$/.test(value) ? chains.find((c) => c.chainId === Number(value)) : undefined;
  if (!chain) {
    const shown = value === null ? 'more than one chain' : `chain "${printable(value)}"`;
    return { ok: false, problem: `The link names ${shown}, which this app does not serve; it serves ${served}.` };
  }
  return { ok: true, chain, explicit: true };
}

/** Every chain of the default chain's config, the default first (PublicConfig.otherChains). */
export function configuredChains(defaultChain: PublicConfig): PublicConfig[] {
  return [defaultChain, ...(defaultChain.otherChains ?? [])];
}

/**
 * The config a wallet page on `chain` works with: that chain's, with every other configured chain in `otherChains`
 * (a wallet on one of them is then named, not called unsupported). `chains` is configuredChains()' list.
 */
export function scopedConfig(chains: readonly PublicConfig[], chain: PublicConfig): PublicConfig {
  const { otherChains: _others, ...own } = chain;
  if (chains.length < 2) return own;
  const others = chains.filter((c) => c.chainId !== chain.chainId).map(({ otherChains: _o, ...c }) => c);
  return { ...own, otherChains: others };
}

/**
 * `path` on `chainId`: with several chains configured, links name their chain (`?chain=`), so that following one keeps
 * the chain the visitor chose; with one chain the URLs stay as they always were.
 */
export function chainPath(path: string, chainId: number, severalChains: boolean): string {
  if (!severalChains) return path;
  const [base, hash] = path.split('#', 2) as [string, string | undefined];
  const joined = `${base}${base.includes('?') ? '&' : '?'}${CHAIN_PARAM}=${chainId}`;
  return hash === undefined ? joined : `${joined}#${hash}`;
}

/** At most 40 printable ASCII characters of a typed value, for a message. */
function printable(value: string): string {
  const kept = value.replace(/[^\x20-\x7e]/g, '?');
  return kept.length > 40 ? `${kept.slice(0, 40)}…` : kept;
}

/**
 * The page at `pathname` (with `search`, the query it has) shown on chain `chainId` instead: its other parameters are
 * kept, but a proposal page goes to that chain's proposal list, as a proposal id means nothing on another chain.
 */
export function pageOnChain(pathname: string, search: string, chainId: number): string {
  const proposalPage = /^\/governance\/(?!new$)[^/]+$/.test(pathname);
  const query = new URLSearchParams(proposalPage ? '' : search);
  query.set(CHAIN_PARAM, String(chainId));
  return `${proposalPage ? '/governance' : pathname}?${query.toString()}`;
}
