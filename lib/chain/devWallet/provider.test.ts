import {
  custom,
  defineChain,
  keccak256,
  parseTransaction,
  recoverMessageAddress,
  recoverTransactionAddress,
  recoverTypedDataAddress,
  stringToHex,
  type Hex,
  type TransactionSerialized,
} from 'viem';
import { describe, expect, it } from 'vitest';
import { createDevWalletProvider } from './provider';

const anvil = defineChain({
  id: 31337,
  name: 'Anvil',
  nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
  rpcUrls: { default: { http: ['http://127.0.0.1:1'] } },
});
const anvil2 = defineChain({ ...anvil, id: 31338, name: 'Anvil 2' });

const ACCOUNT_0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266' as const;
const ACCOUNT_1 = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' as const;
const ACCOUNT_2 = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC' as const;

/** A fake node that answers what viem asks while preparing a transaction and records every call. */
function fakeNode(chainIdHex: Hex = '0x7a69') {
  const calls: { method: string; params: unknown }[] = [];
  const transport = custom({
    async request({ method, params }: { method: string; params?: unknown }) {
      calls.push({ method, params });
      switch (method) {
        case 'eth_chainId':
          return chainIdHex;
        case 'eth_getTransactionCount':
          return '0x7';
        case 'eth_estimateGas':
          return '0x5208';
        case 'eth_maxPriorityFeePerGas':
          return '0x3b9aca00';
        case 'eth_getBlockByNumber':
          return { number: '0x10', baseFeePerGas: '0x3b9aca00', timestamp: '0x1', transactions: [] };
        case 'eth_sendRawTransaction':
          return keccak256((params as [Hex])[0]);
        case 'eth_blockNumber':
          return '0x10';
        default:
          throw new Error(`fake node: unexpected ${method}`);
      }
    },
  });
  return { calls, transport };
}

function connectedProvider() {
  const node = fakeNode();
  const provider = createDevWalletProvider({ networks: [{ chain: anvil, transport: node.transport }] });
  return { node, provider };
}

describe('dev wallet provider', () => {
  it('reports the local chain and no accounts until connected', async () => {
    const { provider } = connectedProvider();
    expect(await provider.request({ method: 'eth_chainId' })).toBe('0x7a69');
    expect(await provider.request({ method: 'eth_accounts' })).toEqual([]);
    expect(await provider.request({ method: 'eth_requestAccounts' })).toEqual([ACCOUNT_1]);
    expect(await provider.request({ method: 'eth_accounts' })).toEqual([ACCOUNT_1]);
  });

  it('signs eth_sendTransaction locally and sends it raw', async () => {
    const { node, provider } = connectedProvider();
    await provider.request({ method: 'eth_requestAccounts' });
    const hash = await provider.request({
      method: 'eth_sendTransaction',
      params: [{ from: ACCOUNT_1.toLowerCase(), to: ACCOUNT_2, value: '0xde0b6b3a7640000', data: '0x1234' }],
    });

    const sent = node.calls.find((call) => call.method === 'eth_sendRawTransaction');
    expect(sent).toBeDefined();
    const raw = (sent!.params as [TransactionSerialized])[0];
    expect(hash).toBe(keccak256(raw));
    expect(node.calls.some((call) => call.method === 'eth_sendTransaction')).toBe(false);

    const tx = parseTransaction(raw);
    expect(tx.to).toBe(ACCOUNT_2.toLowerCase());
    expect(tx.value).toBe(10n ** 18n);
    expect(tx.data).toBe('0x1234');
    expect(tx.nonce).toBe(7);
    expect(tx.chainId).toBe(31337);
    expect(await recoverTransactionAddress({ serializedTransaction: raw })).toBe(ACCOUNT_1);
  });

  it('refuses to send for another address or before connecting', async () => {
    const { provider } = connectedProvider();
    const send = (from: string) =>
      provider.request({ method: 'eth_sendTransaction', params: [{ from, to: ACCOUNT_2 }] });
    await expect(send(ACCOUNT_1)).rejects.toMatchObject({ code: 4100 });
    await provider.request({ method: 'eth_requestAccounts' });
    await expect(send(ACCOUNT_0)).rejects.toMatchObject({ code: 4100 });
  });

  it('answers personal_sign with a signature by the selected account', async () => {
    const { provider } = connectedProvider();
    await provider.request({ method: 'eth_requestAccounts' });
    const message = stringToHex('hello backstop');
    const signature = (await provider.request({ method: 'personal_sign', params: [message, ACCOUNT_1] })) as Hex;
    expect(await recoverMessageAddress({ message: 'hello backstop', signature })).toBe(ACCOUNT_1);

    const fromText = (await provider.request({
      method: 'personal_sign',
      params: ['hello backstop', ACCOUNT_1],
    })) as Hex;
    expect(fromText).toBe(signature);
  });

  it('signs EIP-712 typed data sent as JSON with string numbers', async () => {
    const { provider } = connectedProvider();
    await provider.request({ method: 'eth_requestAccounts' });
    const domain = { name: 'Test USD', version: '1', chainId: 31337, verifyingContract: ACCOUNT_2 } as const;
    const types = {
      Permit: [
        { name: 'owner', type: 'address' },
        { name: 'spender', type: 'address' },
        { name: 'value', type: 'uint256' },
        { name: 'nonce', type: 'uint256' },
        { name: 'deadline', type: 'uint256' },
      ],
    } as const;
    const message = { owner: ACCOUNT_1, spender: ACCOUNT_2, value: 1_000_000n, nonce: 0n, deadline: 1_700_000_000n };
    const json = JSON.stringify({
      domain,
      types: {
        EIP712Domain: [
          { name: 'name', type: 'string' },
          { name: 'version', type: 'string' },
          { name: 'chainId', type: 'uint256' },
          { name: 'verifyingContract', type: 'address' },
        ],
        ...types,
      },
      primaryType: 'Permit',
      message: { ...message, value: '1000000', nonce: '0', deadline: '1700000000' },
    });

    const signature = (await provider.request({ method: 'eth_signTypedData_v4', params: [ACCOUNT_1, json] })) as Hex;
    const signer = await recoverTypedDataAddress({ domain, types, primaryType: 'Permit', message, signature });
    expect(signer).toBe(ACCOUNT_1);
  });

  it('switches accounts and tells listeners', async () => {
    const { provider } = connectedProvider();
    await provider.request({ method: 'eth_requestAccounts' });
    const heard: unknown[] = [];
    provider.on('accountsChanged', (accounts) => heard.push(accounts));
    provider.selectAccount(2);
    expect(heard).toEqual([[ACCOUNT_2]]);
    expect(await provider.request({ method: 'eth_accounts' })).toEqual([ACCOUNT_2]);
    expect(() => provider.selectAccount(10)).toThrow(RangeError);
  });

  it('stays on its own chain when it has one', async () => {
    const { provider } = connectedProvider();
    await expect(
      provider.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: '0x7a69' }] }),
    ).resolves.toBeNull();
    await expect(
      provider.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: '0x1' }] }),
    ).rejects.toMatchObject({ code: 4902 });
  });

  it('switches between its chains: says so, signs for the new one and sends to its node, and remembers it', async () => {
    const values = new Map<string, string>();
    const storage = {
      getItem: (key: string) => values.get(key) ?? null,
      setItem: (key: string, value: string) => void values.set(key, value),
      removeItem: (key: string) => void values.delete(key),
    };
    const [first, second] = [fakeNode('0x7a69'), fakeNode('0x7a6a')];
    const networks = [
      { chain: anvil, transport: first.transport },
      { chain: anvil2, transport: second.transport },
    ];
    const provider = createDevWalletProvider({ networks, storage });
    await provider.request({ method: 'eth_requestAccounts' });
    const heard: unknown[] = [];
    provider.on('chainChanged', (id) => heard.push(id));

    await provider.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: '0x7a6a' }] });
    expect(heard).toEqual(['0x7a6a']);
    expect(await provider.request({ method: 'eth_chainId' })).toBe('0x7a6a');
    await provider.request({
      method: 'eth_sendTransaction',
      params: [{ from: ACCOUNT_1, to: ACCOUNT_2, value: '0x1' }],
    });
    const sent = second.calls.find((call) => call.method === 'eth_sendRawTransaction');
    expect(sent, 'sent to the second chain').toBeDefined();
    expect(first.calls.some((call) => call.method === 'eth_sendRawTransaction')).toBe(false);
    const raw = (sent!.params as [TransactionSerialized])[0];
    expect(parseTransaction(raw).chainId).toBe(31338);

    // A chain it was not given stays refused, and it stays where it was.
    await expect(
      provider.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: '0x1' }] }),
    ).rejects.toMatchObject({ code: 4902 });
    expect(await provider.request({ method: 'eth_chainId' })).toBe('0x7a6a');

    const reloaded = createDevWalletProvider({ networks, storage });
    expect(await reloaded.request({ method: 'eth_chainId' })).toBe('0x7a6a');
    await reloaded.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: '0x7a69' }] });
    expect(await reloaded.request({ method: 'eth_chainId' })).toBe('0x7a69');
  });

  it('passes reads through to the node', async () => {
    const { node, provider } = connectedProvider();
    expect(await provider.request({ method: 'eth_blockNumber' })).toBe('0x10');
    expect(node.calls.map((call) => call.method)).toContain('eth_blockNumber');
  });

  it('remembers the account choice and the connection in storage', async () => {
    const values = new Map<string, string>();
    const storage = {
      getItem: (key: string) => values.get(key) ?? null,
      setItem: (key: string, value: string) => void values.set(key, value),
      removeItem: (key: string) => void values.delete(key),
    };
    const first = createDevWalletProvider({ networks: [{ chain: anvil, transport: fakeNode().transport }], storage });
    await first.request({ method: 'eth_requestAccounts' });
    first.selectAccount(2);

    const reloaded = createDevWalletProvider({
      networks: [{ chain: anvil, transport: fakeNode().transport }],
      storage,
    });
    expect(reloaded.getAccountIndex()).toBe(2);
    expect(await reloaded.request({ method: 'eth_accounts' })).toEqual([ACCOUNT_2]);
    await reloaded.request({ method: 'wallet_revokePermissions', params: [{ eth_accounts: {} }] });
    expect(await reloaded.request({ method: 'eth_accounts' })).toEqual([]);
  });
});
