import { describe, expect, it } from 'vitest';
import { chainPath, configuredChains, pageOnChain, pickChain, scopedConfig } from './chainParam';
import type { PublicConfig } from './publicConfig';

const chain = (chainId: number, chainName: string): PublicConfig => ({
  chainId,
  chainName,
  nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
  rpcUrls: [`http://127.0.0.1:${chainId - 31337 + 8545}`],
  explorerUrl: null,
  walletConnectProjectId: null,
  deployBlock: 1,
  contracts: {} as PublicConfig['contracts'],
});
const second = chain(31338, 'Anvil 2');
const first = { ...chain(31337, 'Anvil'), otherChains: [second] };
const chains = configuredChains(first);

describe('pickChain', () => {
  it('is the default chain without a parameter, and the named one with it', () => {
    expect(pickChain(chains, undefined)).toEqual({ ok: true, chain: first, explicit: false });
    expect(pickChain(chains, null)).toEqual({ ok: true, chain: first, explicit: false });
    expect(pickChain(chains, '31338')).toEqual({ ok: true, chain: second, explicit: true });
    expect(pickChain(chains, '31337')).toEqual({ ok: true, chain: first, explicit: true });
  });

  it('refuses what names no configured chain, and says which it serves', () => {
    for (const raw of ['1', '031338', '31338.0', ' 31338', '0x7a6a', '', '-31338', '9'.repeat(40)]) {
      const pick = pickChain(chains, raw);
      expect(pick.ok, raw).toBe(false);
      if (!pick.ok) expect(pick.problem).toContain('it serves Anvil (chain 31337), Anvil 2 (chain 31338)');
    }
    expect(pickChain(chains, ['31337', '31338'])).toMatchObject({ ok: false, problem: /more than one chain/ });
  });

  it('shows a hostile value only as bounded printable text', () => {
    const pick = pickChain(chains, `<script>\u0000${'x'.repeat(100)}`);
    expect(pick.ok).toBe(false);
    if (!pick.ok) {
      expect(pick.problem).toContain('"<script>?xxx');
      expect(pick.problem).not.toContain('\u0000');
      expect(pick.problem).toContain('…"');
    }
  });
});

describe('scopedConfig', () => {
  it("gives a chain's pages every other chain, and none of them nests its own list", () => {
    const onSecond = scopedConfig(chains, second);
    expect(onSecond.chainId).toBe(31338);
    expect(onSecond.otherChains?.map((c) => c.chainId)).toEqual([31337]);
    expect(onSecond.otherChains?.[0]).not.toHaveProperty('otherChains');
    expect(scopedConfig(chains, first).otherChains?.map((c) => c.chainId)).toEqual([31338]);
  });

  it('is the chain alone when it is the only one', () => {
    const only = chain(31337, 'Anvil');
    expect(scopedConfig([only], only)).toEqual(only);
  });
});

describe('chainPath and pageOnChain', () => {
  it('names the chain in links only when several are configured', () => {
    expect(chainPath('/tranches/junior', 31337, false)).toBe('/tranches/junior');
    expect(chainPath('/tranches/junior', 31337, true)).toBe('/tranches/junior?chain=31337');
    expect(chainPath('/api/position?account=0xab', 31338, true)).toBe('/api/position?account=0xab&chain=31338');
    expect(chainPath('/governance?state=Active#list', 31338, true)).toBe('/governance?state=Active&chain=31338#list');
  });

  it("keeps a page's other parameters, but sends a proposal page to the other chain's list", () => {
    expect(pageOnChain('/tranches/junior', 'range=7d&chain=31337', 31338)).toBe(
      '/tranches/junior?range=7d&chain=31338',
    );
    expect(pageOnChain('/governance/123456', 'chain=31337', 31338)).toBe('/governance?chain=31338');
    expect(pageOnChain('/governance/new', '', 31338)).toBe('/governance/new?chain=31338');
  });
});
