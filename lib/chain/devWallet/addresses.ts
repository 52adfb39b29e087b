import type { Address } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { ANVIL_TEST_PRIVATE_KEYS } from './accounts';

let addresses: Address[] | undefined;

/** Addresses of anvil's test accounts #0..#9, derived once from their keys. */
export function devAccountAddresses(): Address[] {
  addresses ??= ANVIL_TEST_PRIVATE_KEYS.map((key) => privateKeyToAccount(key).address);
  return addresses;
}
