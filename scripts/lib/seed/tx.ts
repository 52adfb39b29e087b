import {
  BaseError,
  createPublicClient,
  createWalletClient,
  encodeFunctionData,
  formatTransactionReceipt,
  http,
  MethodNotFoundRpcError,
  MethodNotSupportedRpcError,
  numberToHex,
  TransactionReceiptNotFoundError,
  type Abi,
  type Address,
  type Hash,
  type RpcTransactionReceipt,
  type TransactionReceipt,
} from 'viem'
import { loadArtifact } from './artifacts'

const ARTIFACTS_WITH_ERRORS = ['BackstopModule', 'TrancheVault', 'Clearinghouse', 'TestStablecoin', 'MockAggregator', 'BackstopGovernor', 'BackstopTimelock', 'BackstopToken']

let errorAbi: Abi | undefined
/** Every custom error of the system, so a revert bubbling up from another contract still decodes by name. */
function allErrors(): Abi {
  if (!errorAbi) {
    const seen = new Set<string>()
    errorAbi = ARTIFACTS_WITH_ERRORS.flatMap((name) => loadArtifact(name).abi).filter((item) => {
      if (item.type !== 'error') return false
      const key = `${item.name}(${item.inputs.map((i) => i.type).join(',')})`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
  }
  return errorAbi
}

/**
 * A fixed limit instead of eth_estimateGas: anvil estimates on a block whose timestamp differs from the one we set,
 * and vesting maths that depends on time then under-estimates. Unused gas costs nothing.
 */
const GAS_LIMIT = 3_000_000n

export interface SendRequest {
  from: Address
  to: Address
  abi: Abi
  functionName: string
  args?: readonly unknown[]
  value?: bigint
}

/**
 * Sends transactions from unlocked (anvil or impersonated) accounts, one at a time: anvil automines each into its
 * own block, so the order we send in is the chain's order and the same inputs give the same chain.
 */
export class TxSender {
  /** Batches concurrent reads into one HTTP request. */
  readonly client
  /** Unbatched, for transactions and node methods that should go out at once. */
  private readonly direct
  private readonly wallet
  txCount = 0
  private syncUnsupported = false

  /** With `preflight`, each transaction is first simulated so a doomed one fails here instead of being mined. */
  constructor(
    readonly rpcUrl: string,
    private readonly opts: { preflight?: boolean; timeoutMs?: number } = {},
  ) {
    const timeout = opts.timeoutMs ?? 30_000
    this.client = createPublicClient({ transport: http(rpcUrl, { batch: true, retryCount: 0, timeout }) })
    this.direct = createPublicClient({ transport: http(rpcUrl, { retryCount: 0, timeout }) })
    this.wallet = createWalletClient({ transport: http(rpcUrl, { retryCount: 0, timeout }) })
  }

  rpc<T = unknown>(method: string, params: unknown[] = []): Promise<T> {
    // Anvil's own methods are not in viem's typed RPC schema.
    return this.direct.request({ method: method as 'eth_chainId', params: params as never }) as Promise<T>
  }

  async send(req: SendRequest): Promise<TransactionReceipt> {
    const label = `${req.functionName} from ${req.from.slice(0, 8)}`
    if (this.opts.preflight) {
      const reason = await this.simulate(req)
      if (reason) throw new Error(`${label} would revert: ${reason}`)
    }
    const receipt = (await this.sendSync(req, label)) ?? (await this.sendAndWait(req, label))
    this.txCount++
    if (receipt.status !== 'success') throw new Error(`${label} reverted in tx ${receipt.transactionHash}: ${await this.replayError(req)}`)
    return receipt
  }

  /**
   * eth_sendTransactionSync answers with the receipt once mined: one round trip instead of a send and a poll.
   * Undefined when the node does not know the method.
   */
  private async sendSync(req: SendRequest, label: string): Promise<TransactionReceipt | undefined> {
    if (this.syncUnsupported) return undefined
    const data = encodeFunctionData({ abi: req.abi, functionName: req.functionName, args: req.args ?? [] } as never)
    const request = { from: req.from, to: req.to, data, gas: numberToHex(GAS_LIMIT), ...(req.value ? { value: numberToHex(req.value) } : {}) }
    try {
      const raw = await this.rpc<RpcTransactionReceipt>('eth_sendTransactionSync', [request])
      return formatTransactionReceipt(raw)
    } catch (error) {
      if (error instanceof MethodNotFoundRpcError || error instanceof MethodNotSupportedRpcError) {
        this.syncUnsupported = true
        return undefined
      }
      throw new Error(`${label} failed: ${describeError(error)}`)
    }
  }

  private async sendAndWait(req: SendRequest, label: string): Promise<TransactionReceipt> {
    let hash: Hash
    try {
      hash = await this.wallet.writeContract({
        account: req.from,
        chain: null,
        address: req.to,
        abi: [...req.abi, ...allErrors()],
        functionName: req.functionName,
        args: req.args ?? [],
        value: req.value,
        gas: GAS_LIMIT,
      } as never)
    } catch (error) {
      throw new Error(`${label} failed: ${describeError(error)}`)
    }
    return this.receipt(hash)
  }

  read<T>(address: Address, abi: Abi, functionName: string, args: readonly unknown[] = []): Promise<T> {
    return this.client.readContract({ address, abi, functionName, args } as never) as Promise<T>
  }

  async impersonate(addresses: readonly Address[]): Promise<void> {
    await Promise.all(addresses.map((a) => this.rpc('anvil_impersonateAccount', [a])))
  }

  async setBalance(addresses: readonly Address[], wei: bigint): Promise<void> {
    await Promise.all(addresses.map((a) => this.rpc('anvil_setBalance', [a, numberToHex(wei)])))
  }

  /** Why a mined transaction reverted, by replaying it as a call on the state after it. */
  private async replayError(req: SendRequest): Promise<string> {
    return (await this.simulate(req)) ?? 'out of gas or a state that has since changed'
  }

  /** The decoded revert reason of `req` as a call on the latest state, or undefined when it would succeed. */
  private async simulate(req: SendRequest): Promise<string | undefined> {
    try {
      await this.client.simulateContract({
        account: req.from,
        address: req.to,
        abi: [...req.abi, ...allErrors()],
        functionName: req.functionName,
        args: req.args ?? [],
        value: req.value,
      } as never)
      return undefined
    } catch (error) {
      return describeError(error)
    }
  }

  private async receipt(hash: Hash): Promise<TransactionReceipt> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.client.getTransactionReceipt({ hash })
      } catch (error) {
        if (!(error instanceof TransactionReceiptNotFoundError) || attempt > 5_000) throw error
        await new Promise((resolve) => setTimeout(resolve, attempt < 20 ? 1 : 10))
      }
    }
  }
}

export function describeError(error: unknown): string {
  if (error instanceof BaseError) return error.shortMessage.replace(/\s+/g, ' ')
  return error instanceof Error ? error.message : String(error)
}
