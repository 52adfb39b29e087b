import fs from 'node:fs';
import path from 'node:path';
import type { Hex } from 'viem';
import {
  backstopGovernorAbi,
  backstopLensAbi,
  backstopModuleAbi,
  backstopTimelockAbi,
  backstopTokenAbi,
  clearinghouseAbi,
  localYieldVaultAbi,
  mockAggregatorAbi,
  riskStewardAbi,
  testStablecoinAbi,
  trancheVaultAbi,
} from '../../../lib/chain/abis.generated';

/**
 * The typed ABIs the app uses (`npm run abis` generates them from contracts/out), so that a renamed or retyped
 * Solidity function fails the scripts' type check instead of a deploy or seed at run time.
 */
export const abis = {
  stablecoin: testStablecoinAbi,
  module: backstopModuleAbi,
  vault: trancheVaultAbi,
  clearinghouse: clearinghouseAbi,
  oracle: mockAggregatorAbi,
  token: backstopTokenAbi,
  governor: backstopGovernorAbi,
  timelock: backstopTimelockAbi,
  lens: backstopLensAbi,
  steward: riskStewardAbi,
  yieldVault: localYieldVaultAbi,
} as const;

/** Each deployable contract's ABI, by the name forge gives its artifact. */
export const contractAbis = {
  TestStablecoin: testStablecoinAbi,
  BackstopModule: backstopModuleAbi,
  TrancheVault: trancheVaultAbi,
  Clearinghouse: clearinghouseAbi,
  MockAggregator: mockAggregatorAbi,
  BackstopToken: backstopTokenAbi,
  BackstopGovernor: backstopGovernorAbi,
  BackstopTimelock: backstopTimelockAbi,
  BackstopLens: backstopLensAbi,
  RiskSteward: riskStewardAbi,
  LocalYieldVault: localYieldVaultAbi,
} as const;

export type ContractName = keyof typeof contractAbis;

// __dirname, not import.meta.dirname: Playwright's globalSetup loads this file as CommonJS.
const ROOT = path.resolve(__dirname, '..', '..', '..');
const OUT_DIR = path.join(ROOT, 'contracts', 'out');

const cache = new Map<ContractName, Hex>();

/**
 * Creation bytecode of `contracts/out/<name>.sol/<name>.json` (run `forge build` in contracts/ first): the generated
 * file carries ABIs only.
 */
export function loadBytecode(name: ContractName): Hex {
  const cached = cache.get(name);
  if (cached) return cached;
  const file = path.join(OUT_DIR, `${name}.sol`, `${name}.json`);
  let json: { bytecode?: { object?: string } };
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `Cannot read ${file} (${(error as Error).message}): run \`cd contracts && npx forge build\` first.`,
    );
  }
  const object = json.bytecode?.object;
  if (!object || object === '0x') throw new Error(`${file} has no bytecode.`);
  const bytecode: Hex = object.startsWith('0x') ? (object as Hex) : `0x${object}`;
  cache.set(name, bytecode);
  return bytecode;
}
