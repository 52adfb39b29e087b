import { serialize } from 'wagmi';
import { describe, expect, it } from 'vitest';
import { reconnectingWallet } from './walletState';

const ACCOUNT = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

/** What wagmi's own storage writes, produced by wagmi's serialiser so that a change of format fails here. */
function wagmiCookie(current: string | null, connections: [string, string[]][], chainId: unknown = 31337): string {
  const state = {
    chainId: 31337,
    current,
    connections: new Map(
      connections.map(([uid, accounts]) => [
        uid,
        { accounts, chainId, connector: { id: 'backstopDevWallet', name: 'Dev wallet', type: 'injected', uid } },
      ]),
    ),
  };
  return serialize({ state, version: 2 });
}

describe('reconnectingWallet', () => {
  it("reads the current connection's first account, checksummed, and its connector", () => {
    const cookie = wagmiCookie('b', [
      ['a', ['0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266']],
      ['b', [ACCOUNT.toLowerCase(), '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC']],
    ]);
    expect(reconnectingWallet(cookie)).toEqual({ account: ACCOUNT, connectorId: 'backstopDevWallet', chainId: 31337 });
  });

  it("reads the wallet's chain, and ignores one that is not a chain id", () => {
    expect(reconnectingWallet(wagmiCookie('a', [['a', [ACCOUNT]]], 31338))?.chainId).toBe(31338);
    for (const bad of ['31338', -1, 1.5, null]) {
      const wallet = reconnectingWallet(wagmiCookie('a', [['a', [ACCOUNT]]], bad));
      expect(wallet, String(bad)).toEqual({ account: ACCOUNT, connectorId: 'backstopDevWallet' });
    }
  });

  it('is null when nothing is connected', () => {
    expect(reconnectingWallet(undefined)).toBeNull();
    expect(reconnectingWallet(wagmiCookie(null, []))).toBeNull();
    expect(reconnectingWallet(wagmiCookie('gone', [['a', [ACCOUNT]]]))).toBeNull();
  });

  it('is null for a cookie that is not wagmi state', () => {
    expect(reconnectingWallet('not json')).toBeNull();
    expect(reconnectingWallet('{"state":{"current":"a","connections":[["a",{"accounts":["0x1"]}]]}}')).toBeNull();
    expect(reconnectingWallet(wagmiCookie('a', [['a', ['0x1234']]]))).toBeNull();
    expect(reconnectingWallet(wagmiCookie('a', [['a', ['<script>']]]))).toBeNull();
  });
});
