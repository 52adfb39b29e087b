import {
  BaseError,
  createClient,
  createPublicClient,
  createWalletClient,
  encodeFunctionData,
  formatTransactionReceipt,
  http,
  MethodNotFoundRpcError,
  MethodNotSupportedRpcError,
  numberToHex,
  rpcSchema,
  TransactionReceiptNotFoundError,
  type Abi,
  type Address,
  type Hash,
  type RpcTransactionReceipt,
  type TransactionReceipt,
} from 'viem';
import type { WriteFunctionArgs, WriteFunctionName } from '../../../lib/tx/txRequest';
import { abis } from './artifacts';
import { readView, type ReadArgsParam, type ReadFunctionName, type ReadResult } from './readView';

type AbiError = Extract<Abi[number], { type: 'error' }>;

let errorAbi: AbiError[] | undefined;
/** Every custom error of the system, so a revert bubbling up from another contract still decodes by name. */
function allErrors(): AbiError[] {
  if (!errorAbi) {
    const seen = new Set<string>();
    const items: readonly Abi[number][] = Object.values(abis).flat();
    errorAbi = items.filter((item): item is AbiError => {
      if (item.type !== 'error') return false;
      const key = `${item.name}(${item.inputs.map((i) => i.type).join(',')})`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  return errorAbi;
}

/**
 * A fixed limit instead of eth_estimateGas: anvil estimates on a block whose timestamp differs from the one we set,
 * and vesting maths that depends on time then under-estimates. Unused gas costs nothing.
 */
const GAS_LIMIT = 3_000_000n;

/**
 * A transaction from `from` to `to`, typed by its ABI like the app's TxRequest: a function name the ABI lacks, or
 * arguments of the wrong types, fail the type check. With the defaults it is the erased form the sender passes on.
 */
export interface SendRequest<
  abi extends Abi = Abi,
  functionName extends WriteFunctionName<abi> = WriteFunctionName<abi>,
> {
  from: Address;
  to: Address;
  abi: abi;
  functionName: functionName;
  args: WriteFunctionArgs<abi, functionName>;
  value?: bigint;
}

/** Anvil's own methods (and eth_sendTransactionSync) are not in viem's typed RPC schema: any name, checked by the node. */
type NodeMethods = [{ Method: string; Parameters: unknown[]; ReturnType: unknown }];

/**
 * Sends transactions from unlocked (anvil or impersonated) accounts, one at a time: anvil automines each into its
 * own block, so the order we send in is the chain's order and the same inputs give the same chain.
 */
export class TxSender {
  /** Batches concurrent reads into one HTTP request. */
  readonly client;
  /** Unbatched, for transactions and node methods that should go out at once. */
  private readonly direct;
  private readonly wallet;
  txCount = 0;
  private syncUnsupported = false;

  /** With `preflight`, each transaction is first simulated so a doomed one fails here instead of being mined. */
  constructor(
    readonly rpcUrl: string,
    private readonly opts: { preflight?: boolean; timeoutMs?: number } = {},
  ) {
    const timeout = opts.timeoutMs ?? 30_000;
    this.client = createPublicClient({ transport: http(rpcUrl, { batch: true, retryCount: 0, timeout }) });
    this.direct = createClient({
      transport: http(rpcUrl, { retryCount: 0, timeout }),
      rpcSchema: rpcSchema<NodeMethods>(),
    });
    this.wallet = createWalletClient({ transport: http(rpcUrl, { retryCount: 0, timeout }) });
  }

  rpc<T = unknown>(method: string, params: unknown[] = []): Promise<T> {
    return this.direct.request({ method, params }) as Promise<T>;
  }

  async send<const abi extends Abi, functionName extends WriteFunctionName<abi>>(
    typed: SendRequest<abi, functionName>,
  ): Promise<TransactionReceipt> {
    const req: SendRequest = typed;
    const label = `${req.functionName} from ${req.from.slice(0, 8)}`;
    if (this.opts.preflight) {
      const reason = await this.simulate(req);
      if (reason) throw new Error(`${label} would revert: ${reason}`);
    }
    const receipt = (await this.sendSync(req, label)) ?? (await this.sendAndWait(req, label));
    this.txCount++;
    if (receipt.status !== 'success')
      throw new Error(`${label} reverted in tx ${receipt.transactionHash}: ${await this.replayError(req)}`);
    return receipt;
  }

  /**
   * eth_sendTransactionSync answers with the receipt once mined: one round trip instead of a send and a poll.
   * Undefined when the node does not know the method.
   */
  private async sendSync(req: SendRequest, label: string): Promise<TransactionReceipt | undefined> {
    if (this.syncUnsupported) return undefined;
    const data = encodeFunctionData({ abi: req.abi, functionName: req.functionName, args: req.args });
    const request = {
      from: req.from,
      to: req.to,
      data,
      gas: numberToHex(GAS_LIMIT),
      ...(req.value ? { value: numberToHex(req.value) } : {}),
    };
    try {
      const raw = await this.rpc<RpcTransactionReceipt>('eth_sendTransactionSync', [request]);
      return formatTransactionReceipt(raw);
    } catch (error) {
      if (error instanceof MethodNotFoundRpcError || error instanceof MethodNotSupportedRpcError) {
        this.syncUnsupported = true;
        return undefined;
      }
      throw new Error(`${label} failed: ${describeError(error)}`);
    }
  }

  private async sendAndWait(req: SendRequest, label: string): Promise<TransactionReceipt> {
    let hash: Hash;
    try {
      hash = await this.wallet.writeContract({
        account: req.from,
        chain: null,
        address: req.to,
        abi: [...req.abi, ...allErrors()],
        functionName: req.functionName,
        args: req.args,
        value: req.value,
        gas: GAS_LIMIT,
      });
    } catch (error) {
      throw new Error(`${label} failed: ${describeError(error)}`);
    }
    return this.receipt(hash);
  }

  /** A view's result, typed by the ABI (see readView). */
  read<const abi extends Abi, functionName extends ReadFunctionName<abi>>(
    address: Address,
    abi: abi,
    functionName: functionName,
    ...args: ReadArgsParam<abi, functionName>
  ): ReadResult<abi, functionName> {
    return readView(this.client, address, abi, functionName, ...args);
  }

  async impersonate(addresses: readonly Address[]): Promise<void> {
    await Promise.all(addresses.map((a) => this.rpc('anvil_impersonateAccount', [a])));
  }

  async setBalance(addresses: readonly Address[], wei: bigint): Promise<void> {
    await Promise.all(addresses.map((a) => this.rpc('anvil_setBalance', [a, numberToHex(wei)])));
  }

  /** Why a mined transaction reverted, by replaying it as a call on the state after it. */
  private async replayError(req: SendRequest): Promise<string> {
    return (await this.simulate(req)) ?? 'out of gas or a state that has since changed';
  }

  /** The decoded revert reason of `req` as a call on the latest state, or undefined when it would succeed. */
  private async simulate(req: SendRequest): Promise<string | undefined> {
    try {
      await this.client.simulateContract({
        account: req.from,
        address: req.to,
        abi: [...req.abi, ...allErrors()],
        functionName: req.functionName,
        args: req.args,
        value: req.value,
      });
      return undefined;
    } catch (error) {
      return describeError(error);
    }
  }

  private async receipt(hash: Hash): Promise<TransactionReceipt> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.client.getTransactionReceipt({ hash });
      } catch (error) {
        if (!(error instanceof TransactionReceiptNotFoundError) || attempt > 5_000) throw error;
        await new Promise((resolve) => setTimeout(resolve, attempt < 20 ? 1 : 10));
      }
    }
  }
}

export function describeError(error: unknown): string {
  if (error instanceof BaseError) return error.shortMessage.replace(/\s+/g, ' ');
  return error instanceof Error ? error.message : String(error);
}
