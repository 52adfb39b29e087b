// What a page needs only once it writes: simulating, sending, signing and following a transaction, and naming its
// errors. Loaded on first use (loadWalletActions.ts), so a visitor who only reads never downloads it.
export { parseSignature } from 'viem';
export {
  getTransactionReceipt,
  signTypedData,
  simulateContract,
  waitForTransactionReceipt,
  writeContract,
} from 'wagmi/actions';
export { describeTxError } from '@/lib/tx/describeTxError';
