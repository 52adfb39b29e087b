import type { Address } from 'viem';
import { ANVIL_TEST_ADDRESSES } from './accounts';

/** Addresses of anvil's test accounts #0..#9. */
export function devAccountAddresses(): readonly Address[] {
  return ANVIL_TEST_ADDRESSES;
}
