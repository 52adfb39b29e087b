import {
  getAddress,
  isAddress,
  parseUnits,
  zeroAddress,
  type Abi,
  type Address,
  type ContractConstructorArgs,
  type Hash,
  type Hex,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { writeDeployment, type Deployment } from './deployment';
import { powerProblems } from './deployPowerCheck';
import { anvilAccount, ROLE_INDEX } from './seed/accounts';
import { abis, contractAbis, loadBytecode, type ContractName } from './seed/artifacts';
import { localChain, publicClientFor, walletClientFor } from './seed/clients';
import { LOCAL_CHAIN_ID } from '../../lib/protocol/chain';
import {
  FEE_RATE,
  FIRST_PROTOCOL_NAME,
  GOVERNANCE,
  LIQUIDATION_FEE_RATE,
  MARKETS,
  ORACLE_DECIMALS,
  type MarketKey,
  PREMIUM_CURVE,
  PREMIUM_VOLATILITY,
  SECOND_PROTOCOL,
  STEWARD,
  STRATEGY_BUFFERS,
  TRANCHES,
  VOTING_POWER,
} from './seed/params';
import type { TxRequest, WriteFunctionArgs, WriteFunctionName } from '../../lib/tx/txRequest';
import { readView } from './seed/readView';

export interface DeployOptions {
  rpcUrl: string;
  outDir: string;
  /** Existing 6-decimal stablecoin; required off the local chain, where the faucet token must not be deployed. */
  asset?: Address;
  /** Off the local chain, a real deployer key; defaults to anvil account #0. */
  deployerPrivateKey?: Hex;
  guardian?: Address;
  keeper?: Address;
  /** The risk steward's keeper (RiskSteward.sol); defaults to anvil account #10 on the local chain. */
  riskKeeper?: Address;
  /**
   * BSG minted at deploy, each delegated to its holder; the rest of the supply goes to the timelock (the treasury).
   * Defaults to the seeded voters on the local chain; required elsewhere.
   */
  allocations?: readonly { holder: Address; amount: bigint }[];
}

export interface BsgAllocation {
  holder: Address;
  amount: bigint;
}

/**
 * Deploys and wires the whole system in the order BackstopFixture.sol uses, hands the module and clearinghouse
 * to the timelock, gives the guardian the timelock's canceller role, renounces the deployer's timelock admin role,
 * checks that the deployer keeps no power (roles, votes, BSG) and writes `<outDir>/<chainId>.json`.
 */
export async function deployAll(opts: DeployOptions): Promise<Deployment> {
  const probe = publicClientFor(opts.rpcUrl);
  const chainId = await probe.getChainId();
  const isLocal = chainId === LOCAL_CHAIN_ID;
  if (!isLocal && !opts.asset) {
    throw new Error(
      `Chain ${chainId} is not the local chain (${LOCAL_CHAIN_ID}): the faucet token is deployed only there. ` +
        'Pass `asset` (an existing 6-decimal stablecoin address) to deploy on this chain.',
    );
  }
  if (opts.asset && !isAddress(opts.asset)) throw new Error(`asset ${opts.asset} is not an address.`);
  if (
    !isLocal &&
    (!opts.deployerPrivateKey || !opts.guardian || !opts.keeper || !opts.riskKeeper || !opts.allocations)
  ) {
    throw new Error(
      `Chain ${chainId}: anvil's public test accounts guard nothing there; pass deployerPrivateKey, guardian, keeper and allocations.`,
    );
  }

  const chain = localChain(chainId, opts.rpcUrl);
  const client = publicClientFor(opts.rpcUrl, chain);
  const account = opts.deployerPrivateKey
    ? privateKeyToAccount(opts.deployerPrivateKey)
    : anvilAccount(ROLE_INDEX.deployer);
  const wallet = walletClientFor(opts.rpcUrl, account, chain);
  const guardian = opts.guardian ?? anvilAccount(ROLE_INDEX.guardian).address;
  const keeper = opts.keeper ?? anvilAccount(ROLE_INDEX.keeper).address;
  const riskKeeper = opts.riskKeeper ?? anvilAccount(ROLE_INDEX.riskKeeper).address;
  const deployer = account.address;
  const allocations: readonly BsgAllocation[] =
    opts.allocations ??
    VOTING_POWER.map(([index, amount]) => ({ holder: anvilAccount(index).address, amount: parseUnits(amount, 18) }));

  let deployBlock: bigint | undefined;
  const confirm = async (hash: Hash, what: string) => {
    const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 25 });
    if (receipt.status !== 'success') throw new Error(`Deployment step failed: ${what} (tx ${hash}).`);
    deployBlock ??= receipt.blockNumber;
    return receipt;
  };
  const deploy = async <name extends ContractName>(
    name: name,
    args: ContractConstructorArgs<(typeof contractAbis)[name]>,
  ): Promise<Address> => {
    const typed: DeployCall<(typeof contractAbis)[name]> = { abi: contractAbis[name], args };
    const erased: DeployCall = typed;
    const hash = await wallet.deployContract({ ...erased, bytecode: loadBytecode(name) });
    const receipt = await confirm(hash, `deploy ${name}`);
    if (!receipt.contractAddress) throw new Error(`deploy ${name}: no contract address in receipt ${hash}.`);
    return getAddress(receipt.contractAddress);
  };
  const call = async <const abi extends Abi, functionName extends WriteFunctionName<abi>>(
    address: Address,
    abi: abi,
    functionName: functionName,
    args: WriteFunctionArgs<abi, functionName>,
  ) => {
    const typed: TxRequest<abi, functionName> = { address, abi, functionName, args };
    const erased: TxRequest = typed;
    const hash = await wallet.writeContract(erased);
    await confirm(hash, `${functionName} on ${address}`);
  };

  const asset = opts.asset ?? (await deploy('TestStablecoin', []));
  const backstopModule = await deploy('BackstopModule', [asset, deployer, guardian]);
  const tranches = [] as Address[];
  for (const [id, t] of TRANCHES.entries())
    tranches.push(await deploy('TrancheVault', [asset, t.name, t.symbol, backstopModule, id]));
  const clearinghouse = await deploy('Clearinghouse', [asset, backstopModule, deployer]);
  await call(backstopModule, abis.module, 'initialize', [
    threeOf(tranches),
    clearinghouse,
    threeOf(
      TRANCHES.map((t) => ({
        depositCap: t.depositCap,
        cooldown: t.cooldown,
        unstakeWindow: t.unstakeWindow,
        riskMultiplier: t.riskMultiplier,
      })),
    ),
  ]);

  const oracles = {} as Record<string, Address>;
  for (const m of MARKETS) {
    oracles[m.key] = await deploy('MockAggregator', [
      ORACLE_DECIMALS,
      m.description,
      keeper,
      parseUnits(String(m.price), ORACLE_DECIMALS),
    ]);
  }
  // Added before ownership passes to the timelock, so they apply at once; later markets wait out the exit delay.
  const addMarket = (venue: Address, m: (typeof MARKETS)[number]) =>
    call(venue, abis.clearinghouse, 'addMarket', [
      m.key,
      oracles[m.key]!,
      {
        initialMarginRate: m.initialMarginRate,
        maintenanceMarginRate: m.maintenanceMarginRate,
        feeRate: FEE_RATE,
        liquidationFeeRate: LIQUIDATION_FEE_RATE,
        liquidationImpact: m.liquidationImpact,
        liquidityDepth: m.liquidityDepth,
      },
      m.oracleMaxAge,
    ]);
  for (const m of MARKETS) await addMarket(clearinghouse, m);
  for (const [id, m] of MARKETS.entries())
    await call(backstopModule, abis.module, 'setStressLossRate', [BigInt(id), m.stressLossRate]);
  await call(clearinghouse, abis.clearinghouse, 'setPremiumCurve', [PREMIUM_CURVE]);
  await call(clearinghouse, abis.clearinghouse, 'setPremiumVolatility', [PREMIUM_VOLATILITY]);
  // Set while the deployer still owns the module, like the parameters above; later changes go through governance.
  // The local yield vault mints its yield from the stablecoin's faucet: on the local chain only. The keeper owns it.
  const yieldVault = isLocal ? await deploy('LocalYieldVault', [asset, keeper]) : undefined;
  if (yieldVault) {
    for (const s of STRATEGY_BUFFERS)
      await call(backstopModule, abis.module, 'setTrancheStrategy', [s.trancheId, yieldVault, s.bufferShare]);
  }

  await call(backstopModule, abis.module, 'setProtocolName', [0n, FIRST_PROTOCOL_NAME]);

  // The second covered protocol: its own clearinghouse and markets, on the same module (protocol 1).
  const secondClearinghouse = await deploy('Clearinghouse', [asset, backstopModule, deployer]);
  for (const { key } of SECOND_PROTOCOL.markets) await addMarket(secondClearinghouse, marketParams(key));
  await call(secondClearinghouse, abis.clearinghouse, 'setPremiumCurve', [PREMIUM_CURVE]);
  await call(secondClearinghouse, abis.clearinghouse, 'setPremiumVolatility', [PREMIUM_VOLATILITY]);
  await call(backstopModule, abis.module, 'addProtocol', [
    secondClearinghouse,
    SECOND_PROTOCOL.name,
    SECOND_PROTOCOL.exposureCap,
    SECOND_PROTOCOL.premiumShare,
  ]);
  for (const [id, m] of SECOND_PROTOCOL.markets.entries())
    await call(backstopModule, abis.module, 'setProtocolStressLossRate', [1n, BigInt(id), m.stressLossRate]);

  const timelock = await deploy('BackstopTimelock', [GOVERNANCE.timelockDelay, [], [], deployer, backstopModule]);
  // Allocations are minted delegated to their holders; the rest is the timelock's treasury: no undelegated quorum.
  const governanceToken = await deploy('BackstopToken', [
    allocations.map((a) => a.holder),
    allocations.map((a) => a.amount),
    timelock,
    GOVERNANCE.tokenSupply,
  ]);
  const governor = await deploy('BackstopGovernor', [
    governanceToken,
    timelock,
    backstopModule,
    // uint48 and uint32 in Solidity, so numbers in the ABI's types; the encoding is the same.
    Number(GOVERNANCE.votingDelay),
    Number(GOVERNANCE.votingPeriod),
    GOVERNANCE.proposalThreshold,
    GOVERNANCE.quorumPercent,
  ]);
  const [proposerRole, cancellerRole, executorRole, adminRole] = await Promise.all([
    readView(client, timelock, abis.timelock, 'PROPOSER_ROLE'),
    readView(client, timelock, abis.timelock, 'CANCELLER_ROLE'),
    readView(client, timelock, abis.timelock, 'EXECUTOR_ROLE'),
    readView(client, timelock, abis.timelock, 'DEFAULT_ADMIN_ROLE'),
  ]);
  await call(timelock, abis.timelock, 'grantRole', [proposerRole, governor]);
  await call(timelock, abis.timelock, 'grantRole', [cancellerRole, governor]);
  // The guardian can stop a queued operation during its delay, and do nothing else in the timelock.
  await call(timelock, abis.timelock, 'grantRole', [cancellerRole, guardian]);
  // Anyone may execute a proposal once its delay has passed.
  await call(timelock, abis.timelock, 'grantRole', [executorRole, zeroAddress]);
  // Owned by the timelock from the start; the module and the clearinghouse accept it while the deployer still can.
  const riskSteward = await deploy('RiskSteward', [
    backstopModule,
    clearinghouse,
    timelock,
    riskKeeper,
    STEWARD.maxStep,
    STEWARD.minInterval,
    [...STEWARD.bounds],
  ]);
  await call(backstopModule, abis.module, 'setRiskSteward', [riskSteward]);
  await call(clearinghouse, abis.clearinghouse, 'setRiskSteward', [riskSteward]);
  if (isLocal) {
    await probe.request({ method: 'anvil_setBalance', params: [riskKeeper, '0x56bc75e2d63100000'] } as never); // 100 ETH
  }
  // From here on no cooldown can outgrow the governance path, nor the path shrink below a cooldown.
  await call(backstopModule, abis.module, 'bindGovernor', [governor]);
  await call(backstopModule, abis.module, 'transferOwnership', [timelock]);
  await call(clearinghouse, abis.clearinghouse, 'transferOwnership', [timelock]);
  await call(secondClearinghouse, abis.clearinghouse, 'transferOwnership', [timelock]);
  await call(timelock, abis.timelock, 'renounceRole', [adminRole, deployer]);
  const lens = await deploy('BackstopLens', [backstopModule, clearinghouse, governor]);

  await assertNoDeployerPower(client, {
    module: backstopModule,
    clearinghouse,
    steward: riskSteward,
    timelock,
    governor,
    token: governanceToken,
    deployer,
    guardian,
    holders: allocations.map((a) => a.holder),
    roles: { admin: adminRole, proposer: proposerRole, canceller: cancellerRole },
  });
  const secondOwner = await readView(client, secondClearinghouse, abis.clearinghouse, 'owner');
  if (getAddress(secondOwner) !== timelock)
    throw new Error(`Deployment left power outside governance:\n  the second clearinghouse is owned by ${secondOwner}`);

  const deployment: Deployment = {
    chainId,
    deployBlock: Number(deployBlock ?? 0n),
    contracts: {
      asset,
      module: backstopModule,
      clearinghouse,
      lens,
      governanceToken,
      governor,
      timelock,
      riskSteward,
      ...(yieldVault ? { yieldVault } : {}),
      tranches: [tranches[0]!, tranches[1]!, tranches[2]!],
      oracles: { ETH: oracles.ETH!, BTC: oracles.BTC!, SOL: oracles.SOL!, ...oracles },
      protocols: [{ id: 1, clearinghouse: secondClearinghouse, markets: SECOND_PROTOCOL.markets.map((m) => m.key) }],
    },
  };
  writeDeployment(opts.outDir, deployment);
  return deployment;
}

function marketParams(key: MarketKey): (typeof MARKETS)[number] {
  const m = MARKETS.find((market) => market.key === key);
  if (!m) throw new Error(`No market ${key} in MARKETS.`);
  return m;
}

/** The module is initialised with exactly three tranches (junior, mezzanine, senior). */
function threeOf<T>(items: readonly T[]): [T, T, T] {
  const [first, second, third] = items;
  if (items.length !== 3 || first === undefined || second === undefined || third === undefined) {
    throw new Error(`Expected three tranches, got ${items.length}.`);
  }
  return [first, second, third];
}

/** A contract creation typed by its ABI: constructor arguments of the wrong types fail the type check. */
interface DeployCall<abi extends Abi = Abi> {
  abi: abi;
  args: ContractConstructorArgs<abi>;
}

interface PowerCheck {
  module: Address;
  clearinghouse: Address;
  steward: Address;
  timelock: Address;
  governor: Address;
  token: Address;
  deployer: Address;
  guardian: Address;
  /** Accounts that received BSG at deploy. */
  holders: readonly Address[];
  roles: { admin: Hex; proposer: Hex; canceller: Hex };
}

/** Reads what `powerProblems` judges from the chain and throws if it finds any problem. */
export async function assertNoDeployerPower(client: ReturnType<typeof publicClientFor>, a: PowerCheck): Promise<void> {
  const hasRole = (role: Hex, who: Address) => readView(client, a.timelock, abis.timelock, 'hasRole', [role, who]);
  const [
    moduleOwner,
    clearinghouseOwner,
    stewardOwner,
    boundGovernor,
    governorTimelock,
    supply,
    numerator,
    denominator,
    path,
    longestCooldown,
  ] = await Promise.all([
    readView(client, a.module, abis.module, 'owner'),
    readView(client, a.clearinghouse, abis.clearinghouse, 'owner'),
    readView(client, a.steward, abis.steward, 'owner'),
    readView(client, a.module, abis.module, 'governor'),
    readView(client, a.governor, abis.governor, 'timelock'),
    readView(client, a.token, abis.token, 'totalSupply'),
    readView(client, a.governor, abis.governor, 'quorumNumerator'),
    readView(client, a.governor, abis.governor, 'quorumDenominator'),
    readView(client, a.module, abis.module, 'governancePath'),
    readView(client, a.module, abis.module, 'maxCooldown'),
  ]);
  const deployerRoles = (
    await Promise.all(
      Object.entries(a.roles).map(async ([name, role]) => ((await hasRole(role, a.deployer)) ? name : null)),
    )
  ).filter((name): name is string => name !== null);
  const [guardianCancels, guardianProposes, guardianAdmin, deployerVotes] = await Promise.all([
    hasRole(a.roles.canceller, a.guardian),
    hasRole(a.roles.proposer, a.guardian),
    hasRole(a.roles.admin, a.guardian),
    readView(client, a.token, abis.token, 'getVotes', [a.deployer]),
  ]);
  const holders = await Promise.all(
    [...new Set([a.deployer, ...a.holders])].map(async (address) => ({
      address,
      balance: await readView(client, a.token, abis.token, 'balanceOf', [address]),
      delegate: await readView(client, a.token, abis.token, 'delegates', [address]),
    })),
  );
  const problems = powerProblems({
    timelock: a.timelock,
    governor: a.governor,
    deployer: a.deployer,
    moduleOwner,
    clearinghouseOwner,
    stewardOwner,
    boundGovernor,
    governorTimelock,
    quorum: (supply * numerator) / denominator,
    governancePath: path,
    longestCooldown,
    deployerRoles,
    deployerVotes,
    guardian: { cancels: guardianCancels, proposes: guardianProposes, admin: guardianAdmin },
    holders,
  });
  if (problems.length > 0) throw new Error(`Deployment left power outside governance:\n  ${problems.join('\n  ')}`);
}
