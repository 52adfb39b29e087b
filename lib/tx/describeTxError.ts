import {
  BaseError,
  ChainMismatchError,
  ContractFunctionRevertedError,
  decodeErrorResult,
  HttpRequestError,
  TimeoutError,
  UserRejectedRequestError,
  type Abi,
  type Hex,
} from 'viem';
import { testStablecoinAbi, trancheVaultAbi } from '@/lib/chain/abis.generated';
import { describeCustomError, type ErrorContext } from './errorMessages';

export type TxProblemKind = 'rejected' | 'revert' | 'replaced' | 'rpc' | 'wrong-network' | 'no-wallet' | 'unknown';

export interface TxProblem {
  kind: TxProblemKind;
  message: string;
}

// Errors raised inside a nested call (the token's, bubbling through the vault) are decoded with every ABI we know.
const KNOWN_ERRORS: Abi = [...trancheVaultAbi, ...testStablecoinAbi].filter((item) => item.type === 'error');

/** Turns whatever a simulate, sign or send threw into one calm sentence, and says which kind of problem it is. */
export function describeTxError(error: unknown, ctx: ErrorContext): TxProblem {
  if (!(error instanceof BaseError)) {
    return { kind: 'unknown', message: error instanceof Error ? error.message : String(error) };
  }
  if (error.walk((e) => e instanceof UserRejectedRequestError || (e as { code?: unknown }).code === 4001)) {
    return { kind: 'rejected', message: 'You declined in your wallet. Nothing was sent; the form is kept.' };
  }
  if (
    error.walk(
      (e) => e instanceof ChainMismatchError || (e as { name?: string }).name === 'ConnectorChainMismatchError',
    )
  ) {
    return { kind: 'wrong-network', message: 'Your wallet is on another network: switch to continue.' };
  }

  const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
  if (reverted instanceof ContractFunctionRevertedError) {
    const decoded = reverted.data ?? decodeRaw(reverted.raw);
    if (decoded?.errorName)
      return { kind: 'revert', message: describeCustomError(decoded.errorName, decoded.args ?? [], ctx) };
    if (reverted.reason)
      return { kind: 'revert', message: `The contract refused the transaction: ${reverted.reason}.` };
    return { kind: 'revert', message: 'The contract refused the transaction without saying why.' };
  }

  const unreachable = error.walk((e) => e instanceof HttpRequestError || e instanceof TimeoutError);
  if (unreachable) {
    return {
      kind: 'rpc',
      message: "The network's RPC node did not answer, so nothing was sent. Your form is kept: try again in a moment.",
    };
  }
  return { kind: 'unknown', message: error.shortMessage };
}

function decodeRaw(raw: Hex | undefined) {
  if (!raw || raw === '0x') return undefined;
  try {
    return decodeErrorResult({ abi: KNOWN_ERRORS, data: raw });
  } catch {
    return undefined;
  }
}
