import { createWalletClient, type Chain, type Hex, type Transport } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';

/** A wallet client that signs with `key`: the dev wallet loads this module on its first signature (provider.ts). */
export function createSigner(key: Hex, chain: Chain, transport: Transport) {
  return createWalletClient({ account: privateKeyToAccount(key), chain, transport });
}

export type Signer = ReturnType<typeof createSigner>;
