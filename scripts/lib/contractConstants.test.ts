import fs from 'node:fs';
import path from 'node:path';
import { createPublicClient, http, type Abi, type AbiFunction, type Address, type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backstopModuleAbi, clearinghouseAbi, riskStewardAbi, testStablecoinAbi } from '../../lib/chain/abis.generated';
import { BOUNDS } from '../../lib/governance/bounds';
import { LOCAL_CHAIN_ID } from '../../lib/protocol/chain';
import { TRANCHES } from '../../lib/protocol/tranches';
import { startAnvil, type RunningAnvil } from './anvil';
import { findFreePort } from './ports';
import { Supervisor } from './processes';

// The app keeps TypeScript copies of some Solidity constants (the forms check bounds before the wallet opens). This
// reads the real ones from the built contracts: each contract's runtime code is put on a fresh anvil with
// anvil_setCode (constants are inlined in runtime code, so no constructor or deployment is needed) and every
// constant is read through the generated ABI.

const root = path.resolve(import.meta.dirname, '..', '..');
const outDir = path.join(root, 'contracts', 'out');

/**
 * Not Solidity constants, so nothing on-chain to read: Clearinghouse bounds liquidityDepth by type(uint128).max inline,
 * BackstopModule a premium share by the literal WAD.
 */
const NOT_PUBLIC_CONSTANTS = new Set<keyof typeof BOUNDS>(['MAX_LIQUIDITY_DEPTH', 'MAX_UINT256', 'MAX_PREMIUM_SHARE']);

const CONTRACTS = {
  BackstopModule: { abi: backstopModuleAbi, address: '0x00000000000000000000000000000000000b0001' },
  Clearinghouse: { abi: clearinghouseAbi, address: '0x00000000000000000000000000000000000b0002' },
  TestStablecoin: { abi: testStablecoinAbi, address: '0x00000000000000000000000000000000000b0003' },
  RiskSteward: { abi: riskStewardAbi, address: '0x00000000000000000000000000000000000b0004' },
} as const satisfies Record<string, { abi: Abi; address: Address }>;
type ContractName = keyof typeof CONTRACTS;

function runtimeCode(contract: ContractName): Hex {
  const artifact = path.join(outDir, `${contract}.sol`, `${contract}.json`);
  if (!fs.existsSync(artifact)) {
    throw new Error(
      `${artifact} is missing: run \`cd contracts && forge build\` first (npm test builds the contracts before the unit suite).`,
    );
  }
  const json = JSON.parse(fs.readFileSync(artifact, 'utf8')) as { deployedBytecode: { object: Hex } };
  return json.deployedBytecode.object;
}

/** The contract whose generated ABI has a public getter `name()`, or undefined if none does. */
function contractWithGetter(name: string): ContractName | undefined {
  return (Object.keys(CONTRACTS) as ContractName[]).find((contract) =>
    (CONTRACTS[contract].abi as Abi).some(
      (item) => item.type === 'function' && item.name === name && item.inputs.length === 0,
    ),
  );
}

describe("the TypeScript copies of the contracts' constants", () => {
  const supervisor = new Supervisor(() => {});
  let anvil: RunningAnvil | undefined;
  let client: ReturnType<typeof createPublicClient>;

  beforeAll(async () => {
    const code = Object.fromEntries((Object.keys(CONTRACTS) as ContractName[]).map((c) => [c, runtimeCode(c)]));
    anvil = await startAnvil({ port: await findFreePort(), supervisor, root, critical: false });
    client = createPublicClient({ transport: http(anvil.rpcUrl, { retryCount: 0 }) });
    for (const contract of Object.keys(CONTRACTS) as ContractName[]) {
      await client.request({
        method: 'anvil_setCode' as never,
        params: [CONTRACTS[contract].address, code[contract]] as never,
      });
    }
  }, 60_000);

  afterAll(async () => {
    await anvil?.stop();
  });

  async function read(contract: ContractName, name: string): Promise<unknown> {
    const { abi, address } = CONTRACTS[contract];
    const getter = (abi as Abi).find((item): item is AbiFunction => item.type === 'function' && item.name === name);
    if (!getter) throw new Error(`${contract} has no public ${name}() in lib/chain/abis.generated.ts`);
    return client.readContract({ address, abi: [getter], functionName: name });
  }

  const readable = (Object.keys(BOUNDS) as (keyof typeof BOUNDS)[]).filter((name) => !NOT_PUBLIC_CONSTANTS.has(name));

  it('finds every bound in lib/governance/bounds.ts as a public constant of BackstopModule, Clearinghouse or RiskSteward', () => {
    expect(readable.filter((name) => contractWithGetter(name) === undefined)).toEqual([]);
  });

  it.each(readable)('BOUNDS.%s equals the contract constant', async (name) => {
    const contract = contractWithGetter(name);
    expect(contract, `no contract has a public ${name}()`).toBeDefined();
    expect(await read(contract!, name)).toBe(BOUNDS[name]);
  });

  it('LOCAL_CHAIN_ID equals the chain id the TestStablecoin faucet accepts', async () => {
    expect(await read('TestStablecoin', 'LOCAL_CHAIN_ID')).toBe(BigInt(LOCAL_CHAIN_ID));
  });

  it('the tranche table has TRANCHE_COUNT tranches, each id the value of its name in BackstopModule (JUNIOR = 0, …)', async () => {
    expect(await read('BackstopModule', 'TRANCHE_COUNT')).toBe(TRANCHES.length);
    for (const tranche of TRANCHES) expect(await read('BackstopModule', tranche.name.toUpperCase())).toBe(tranche.id);
  });
});
