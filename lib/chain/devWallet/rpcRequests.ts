import { hexToBigInt, hexToNumber, type Address, type Hex, type TypedDataDefinition } from 'viem';

/** eth_sendTransaction's parameter object as dapps send it: every number is a hex quantity. */
export interface RpcTransactionRequest {
  from?: Address;
  to?: Address | null;
  data?: Hex;
  input?: Hex;
  value?: Hex;
  gas?: Hex;
  nonce?: Hex;
  gasPrice?: Hex;
  maxFeePerGas?: Hex;
  maxPriorityFeePerGas?: Hex;
}

/** The same request in viem's terms; fields the dapp left out stay out so viem fills them (nonce, gas, fees). */
export interface ParsedTransactionRequest {
  to?: Address;
  data?: Hex;
  value?: bigint;
  gas?: bigint;
  nonce?: number;
  gasPrice?: bigint;
  maxFeePerGas?: bigint;
  maxPriorityFeePerGas?: bigint;
}

export function parseTransactionRequest(request: RpcTransactionRequest): ParsedTransactionRequest {
  const parsed: ParsedTransactionRequest = {};
  if (request.to) parsed.to = request.to;
  const data = request.data ?? request.input;
  if (data) parsed.data = data;
  if (request.value) parsed.value = hexToBigInt(request.value);
  if (request.gas) parsed.gas = hexToBigInt(request.gas);
  if (request.nonce) parsed.nonce = hexToNumber(request.nonce);
  if (request.gasPrice) parsed.gasPrice = hexToBigInt(request.gasPrice);
  if (request.maxFeePerGas) parsed.maxFeePerGas = hexToBigInt(request.maxFeePerGas);
  if (request.maxPriorityFeePerGas) parsed.maxPriorityFeePerGas = hexToBigInt(request.maxPriorityFeePerGas);
  return parsed;
}

/** eth_signTypedData_v4 sends the typed data as a JSON string (some dapps send the object itself). */
export function parseTypedData(payload: unknown): TypedDataDefinition {
  const data: unknown = typeof payload === 'string' ? JSON.parse(payload) : payload;
  if (
    typeof data !== 'object' ||
    data === null ||
    !('types' in data) ||
    !('primaryType' in data) ||
    !('message' in data)
  ) {
    throw new Error('typed data must have types, primaryType and message');
  }
  return data as TypedDataDefinition;
}
