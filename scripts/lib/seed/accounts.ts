import { keccak256, stringToHex, type Address, type Hex } from 'viem';
import { mnemonicToAccount, privateKeyToAccount, type HDAccount } from 'viem/accounts';

/** anvil's well-known public test mnemonic: its keys guard nothing and exist on every dev machine. */
export const ANVIL_MNEMONIC = 'test test test test test test test test test test test junk';

const hdCache = new Map<number, HDAccount>();

export function anvilAccount(index: number): HDAccount {
  let account = hdCache.get(index);
  if (!account) {
    account = mnemonicToAccount(ANVIL_MNEMONIC, { addressIndex: index });
    hdCache.set(index, account);
  }
  return account;
}

/** Roles on the local chain, by anvil account index. */
export const ROLE_INDEX = {
  deployer: 0,
  depositors: [1, 2, 3, 4, 5, 6, 7],
  liquidator: 6,
  guardian: 8,
  keeper: 9,
  /** The risk steward's keeper: beyond anvil's ten funded accounts, so the deploy funds it on the local chain. */
  riskKeeper: 10,
} as const;

export interface DerivedAccount {
  address: Address;
  privateKey: Hex;
}

/** Deterministic extra accounts (traders, whales) from the seed, so two runs with one seed act as the same people. */
export function derivedAccount(seed: number, label: string): DerivedAccount {
  const privateKey = keccak256(stringToHex(`backstop:${seed}:${label}`));
  return { address: privateKeyToAccount(privateKey).address, privateKey };
}

const TRADER_COUNT = 10;
const WHALE_COUNT = 3;

/** The accounts the seed trades with; the live simulator reuses the traders and the liquidator. */
export function seededActors(seed: number) {
  const many = (label: string, count: number) =>
    Array.from({ length: count }, (_, i) => derivedAccount(seed, `${label}-${i}`).address);
  return {
    traders: many('trader', TRADER_COUNT),
    whales: many('whale', WHALE_COUNT),
    liquidator: derivedAccount(seed, 'liquidator').address,
  };
}
