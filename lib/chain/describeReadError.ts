import {
  BaseError,
  ContractFunctionRevertedError,
  ContractFunctionZeroDataError,
  HttpRequestError,
  TimeoutError,
  type Address,
} from 'viem';

/** Turns a failed lens read into a sentence a user can act on. */
export function describeReadError(error: unknown, lens: Address): string {
  if (!(error instanceof BaseError)) return error instanceof Error ? error.message : String(error);

  const unreachable = error.walk((e) => e instanceof HttpRequestError || e instanceof TimeoutError);
  if (unreachable) {
    const url = unreachable instanceof HttpRequestError ? ` at ${unreachable.url}` : '';
    return `The chain's RPC node${url} did not answer. Is it running? The page retries on its own.`;
  }
  if (error.walk((e) => e instanceof ContractFunctionZeroDataError)) {
    return (
      `No BackstopLens contract answers at ${lens} on this chain. If the chain was restarted, redeploy ` +
      '(or point BACKSTOP_DEPLOYMENT at the current deployment file).'
    );
  }
  const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
  if (reverted instanceof ContractFunctionRevertedError) {
    return `The lens call reverted: ${reverted.reason ?? reverted.shortMessage}`;
  }
  return error.shortMessage;
}
