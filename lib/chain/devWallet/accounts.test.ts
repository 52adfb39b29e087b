import { privateKeyToAccount } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { ANVIL_TEST_ADDRESSES, ANVIL_TEST_PRIVATE_KEYS } from './accounts';

describe('anvil test accounts', () => {
  it('lists, for each key, the address that key signs as', () => {
    expect(ANVIL_TEST_ADDRESSES).toEqual(ANVIL_TEST_PRIVATE_KEYS.map((key) => privateKeyToAccount(key).address));
  });
});
