import {
  BaseError,
  createClient,
  hexToNumber,
  isAddressEqual,
  isHex,
  numberToHex,
  SwitchChainError,
  UnauthorizedProviderError,
  UnsupportedProviderMethodError,
  type Address,
  type Chain,
  type Hex,
  type Transport,
} from 'viem';
import {
  ANVIL_TEST_ADDRESSES,
  ANVIL_TEST_PRIVATE_KEYS,
  DEFAULT_DEV_ACCOUNT_INDEX,
  isDevAccountIndex,
} from './accounts';
import { parseTransactionRequest, parseTypedData, type RpcTransactionRequest } from './rpcRequests';
import type { Signer } from './signer';

/** The slice of the Web Storage API the wallet uses to remember its state across reloads. */
export interface DevWalletStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

type Listener = (...args: unknown[]) => void;

export interface DevWalletProvider {
  request(args: { method: string; params?: unknown }): Promise<unknown>;
  on(event: string, listener: Listener): void;
  removeListener(event: string, listener: Listener): void;
  /** Index (0..9) of the anvil test account that signs. */
  getAccountIndex(): number;
  getAddress(): Address;
  /** Switches the signing account; a connected dapp hears `accountsChanged`. */
  selectAccount(index: number): void;
  /** Lets UI outside the dapp's wallet library follow account changes; returns the unsubscribe function. */
  subscribe(onChange: () => void): () => void;
}

/** A chain the dev wallet may sign on, and how to reach its node. */
export interface DevWalletNetwork {
  chain: Chain;
  transport: Transport;
}

export interface DevWalletOptions {
  /** The chains it serves, the first its starting one; it switches among them and no others. */
  networks: readonly DevWalletNetwork[];
  storage?: DevWalletStorage;
}

const STORAGE_CONNECTED = 'backstop.devWallet.connected';
const STORAGE_ACCOUNT = 'backstop.devWallet.account';
const STORAGE_CHAIN = 'backstop.devWallet.chain';

/** Mirrors a node's revert error so the dapp's viem can decode the revert data. */
class DevWalletRpcError extends Error {
  constructor(
    message: string,
    readonly code: number,
    readonly data?: Hex,
  ) {
    super(message);
  }
}

/**
 * An EIP-1193 provider that signs locally with anvil's public test keys and sends raw transactions to the RPC of
 * the chain it is on; every method it does not handle itself (reads, receipts, gas) passes through to that RPC. It
 * switches among the chains it was given (wallet_switchEthereumChain, with `chainChanged`), as a browser wallet does.
 */
export function createDevWalletProvider({ networks, storage = memoryStorage() }: DevWalletOptions): DevWalletProvider {
  const first = networks[0];
  if (!first) throw new Error('the dev wallet needs at least one chain');
  const nodes = new Map(networks.map((n) => [n.chain.id, createClient(n)]));
  const listeners = new Map<string, Set<Listener>>();
  const subscribers = new Set<() => void>();
  const walletClients = new Map<string, Signer>();

  const storedChain = Number(storage.getItem(STORAGE_CHAIN));
  let network = networks.find((n) => n.chain.id === storedChain) ?? first;
  const chain = () => network.chain;

  const storedIndex = Number(storage.getItem(STORAGE_ACCOUNT));
  let accountIndex =
    storage.getItem(STORAGE_ACCOUNT) !== null && isDevAccountIndex(storedIndex)
      ? storedIndex
      : DEFAULT_DEV_ACCOUNT_INDEX;

  const isConnected = () => storage.getItem(STORAGE_CONNECTED) === '1';

  function emit(event: string, ...args: unknown[]) {
    for (const listener of listeners.get(event) ?? []) listener(...args);
  }

  // The signing code (viem's local accounts, elliptic curves) loads with the first signature, not with the page.
  async function walletClient(): Promise<Signer> {
    const index = accountIndex;
    const { chain: on, transport } = network;
    const id = `${on.id}:${index}`;
    let client = walletClients.get(id);
    if (!client) {
      const key = ANVIL_TEST_PRIVATE_KEYS[index];
      if (!key) throw new Error(`no dev account #${index}`);
      const { createSigner } = await import('./signer');
      client = createSigner(key, on, transport);
      walletClients.set(id, client);
    }
    return client;
  }

  const address = (): Address => {
    const current = ANVIL_TEST_ADDRESSES[accountIndex];
    if (!current) throw new Error(`no dev account #${accountIndex}`);
    return current;
  };

  function connect(): Address[] {
    storage.setItem(STORAGE_CONNECTED, '1');
    return [address()];
  }

  async function requireSigner(claimed: unknown): Promise<Signer> {
    if (!isConnected()) throw new UnauthorizedProviderError(new Error('the dev wallet is not connected'));
    if (typeof claimed !== 'string' || !isAddressEqual(claimed as Address, address())) {
      throw new UnauthorizedProviderError(new Error(`the dev wallet signs as ${address()}, not ${String(claimed)}`));
    }
    return walletClient();
  }

  const permissions = () => [
    { parentCapability: 'eth_accounts', caveats: [{ type: 'restrictReturnedAccounts', value: [address()] }] },
  ];

  async function handle(method: string, params: unknown[]): Promise<unknown> {
    switch (method) {
      case 'eth_chainId':
        return numberToHex(chain().id);
      case 'net_version':
        return String(chain().id);
      case 'eth_accounts':
        return isConnected() ? [address()] : [];
      case 'eth_requestAccounts':
        return connect();
      case 'wallet_requestPermissions':
        connect();
        return permissions();
      case 'wallet_getPermissions':
        return isConnected() ? permissions() : [];
      case 'wallet_revokePermissions':
        storage.removeItem(STORAGE_CONNECTED);
        return null;
      case 'wallet_switchEthereumChain': {
        const requested = hexToNumber((params[0] as { chainId: Hex }).chainId);
        const target = networks.find((n) => n.chain.id === requested);
        if (!target) {
          const served = networks.map((n) => n.chain.id).join(' and ');
          throw new SwitchChainError(
            new Error(`the dev wallet only works on chain ${served} (asked for ${requested})`),
          );
        }
        if (target !== network) {
          network = target;
          storage.setItem(STORAGE_CHAIN, String(requested));
          emit('chainChanged', numberToHex(requested));
          for (const onChange of subscribers) onChange();
        }
        return null;
      }
      case 'eth_sendTransaction': {
        const request = params[0] as RpcTransactionRequest;
        const client = await requireSigner(request.from);
        return sendTransaction(client, request);
      }
      case 'personal_sign': {
        const [message, signer] = params as [string, Address];
        // The spec says hex; some dapps send the text itself.
        return (await requireSigner(signer)).signMessage({ message: isHex(message) ? { raw: message } : message });
      }
      case 'eth_signTypedData_v4': {
        const [signer, typedData] = params as [Address, unknown];
        return (await requireSigner(signer)).signTypedData(parseTypedData(typedData));
      }
      case 'wallet_addEthereumChain':
      case 'eth_sign':
      case 'eth_signTransaction':
        throw new UnsupportedProviderMethodError(new Error(`the dev wallet does not support ${method}`), { method });
      default:
        // Reads, receipts, gas and fee queries go to the current chain's node unchanged.
        return nodes.get(chain().id)!.request({ method, params } as never);
    }
  }

  async function sendTransaction(client: Signer, request: RpcTransactionRequest) {
    try {
      // viem fills nonce/gas/fees, signs with the local key and sends eth_sendRawTransaction.
      return await client.sendTransaction(
        parseTransactionRequest(request) as Parameters<typeof client.sendTransaction>[0],
      );
    } catch (error) {
      throw asRpcError(error);
    }
  }

  return {
    request: ({ method, params }) => handle(method, Array.isArray(params) ? params : []),
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
    },
    removeListener(event, listener) {
      listeners.get(event)?.delete(listener);
    },
    getAccountIndex: () => accountIndex,
    getAddress: address,
    selectAccount(index) {
      if (!isDevAccountIndex(index)) throw new RangeError(`dev account index must be 0..9, got ${index}`);
      if (index === accountIndex) return;
      accountIndex = index;
      storage.setItem(STORAGE_ACCOUNT, String(index));
      if (isConnected()) emit('accountsChanged', [address()]);
      for (const onChange of subscribers) onChange();
    },
    subscribe(onChange) {
      subscribers.add(onChange);
      return () => subscribers.delete(onChange);
    },
  };
}

/** Keeps the revert data of a failed send so the dapp can name the contract's custom error. */
function asRpcError(error: unknown): Error {
  if (!(error instanceof BaseError)) return error instanceof Error ? error : new Error(String(error));
  const withData = error.walk((e) => typeof (e as { data?: unknown }).data === 'string');
  const data = (withData as { data?: Hex } | null)?.data;
  const coded = error.walk((e) => typeof (e as { code?: unknown }).code === 'number') as { code?: number } | null;
  return new DevWalletRpcError(error.shortMessage, data ? 3 : (coded?.code ?? -32603), data);
}

function memoryStorage(): DevWalletStorage {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  };
}
