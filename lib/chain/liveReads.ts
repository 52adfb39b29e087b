// The browser's live reads: what a page refreshes after the server rendered it. Loaded after the first paint
// (loadLiveReads.ts): a page's first figures come from the server, so the read code, viem's call and ABI decoding
// and the contracts' ABIs need not be in its first load.
import { maxUint256, type Address } from 'viem';
import { multicall, readContract } from 'viem/actions';
import { backstopGovernorAbi, clearinghouseAbi, testStablecoinAbi, trancheVaultAbi } from './abis.generated';
import { describeReadError } from './describeReadError';
import { publicClientFor } from './publicClient';
import type { PublicConfig } from './publicConfig';
import { readDashboard, type Dashboard } from './readDashboard';
import type { ClearinghouseExtras } from '@/lib/governance/chainParams';
import { stateName, type ProposalStateName } from '@/lib/governance/proposalState';

/** The lens dashboard with `account`'s section; a failure is thrown as one readable sentence. */
export async function readLiveDashboard(config: PublicConfig, account?: Address): Promise<Dashboard> {
  try {
    return await readDashboard(config, account);
  } catch (error) {
    throw new Error(describeReadError(error, config.contracts.lens));
  }
}

export type PreviewFunction =
  'previewDeposit' | 'previewWithdraw' | 'previewRedeem' | 'convertToShares' | 'convertToAssets';

/** One ERC-4626 preview read on the vault, with the vault's own rounding. */
export function readVaultPreview(
  config: PublicConfig,
  vault: Address,
  functionName: PreviewFunction,
  amount: bigint,
): Promise<bigint> {
  return readContract(publicClientFor(config), { address: vault, abi: trancheVaultAbi, functionName, args: [amount] });
}

export interface ExitPreviewResult {
  /** Shares the exit burns. */
  shares: bigint;
  /** Assets it pays: the lower of the shares' value at the owner's request and now. */
  paid: bigint;
  /** What those shares are worth now at the vault-wide price. */
  valueNow: bigint;
}

/**
 * The owner's own exit preview (previewRedeemFor / previewWithdrawFor): unlike previewRedeem and previewWithdraw it
 * applies the exit rule, so the figure shown is the figure paid.
 */
export async function readExitPreview(
  config: PublicConfig,
  vault: Address,
  owner: Address,
  unit: 'assets' | 'shares',
  value: bigint,
): Promise<ExitPreviewResult> {
  const client = publicClientFor(config);
  const vaultContract = { address: vault, abi: trancheVaultAbi } as const;
  if (unit === 'shares') {
    const [paid, withheld] = await readContract(client, {
      ...vaultContract,
      functionName: 'previewRedeemFor',
      args: [owner, value],
    });
    return { shares: value, paid, valueNow: paid + withheld };
  }
  const shares = await readContract(client, {
    ...vaultContract,
    functionName: 'previewWithdrawFor',
    args: [owner, value],
  });
  // A request worth nothing cannot pay any assets: the vault answers with the largest number.
  if (shares === maxUint256) return { shares, paid: value, valueNow: value };
  const valueNow = await readContract(client, { ...vaultContract, functionName: 'previewRedeem', args: [shares] });
  return { shares, paid: value, valueNow };
}

export interface PermitDomain {
  name: string;
  version: string;
  chainId: number;
  verifyingContract: Address;
}

/**
 * The token's EIP-712 domain (ERC-5267) when it has one, which is how we tell that it supports EIP-2612 permits.
 * null: the token does not answer, so the page offers approve only.
 */
export async function readPermitDomain(config: PublicConfig, asset: Address): Promise<PermitDomain | null> {
  try {
    const [, name, version, chainId, verifyingContract] = await readContract(publicClientFor(config), {
      address: asset,
      abi: testStablecoinAbi,
      functionName: 'eip712Domain',
    });
    return { name, version, chainId: Number(chainId), verifyingContract };
  } catch {
    return null;
  }
}

/** The token's EIP-2612 nonce of `owner`: the one a new permit must carry. */
export function readPermitNonce(config: PublicConfig, asset: Address, owner: Address): Promise<bigint> {
  return readContract(publicClientFor(config), {
    address: asset,
    abi: testStablecoinAbi,
    functionName: 'nonces',
    args: [owner],
  });
}

/** The two clearinghouse values the lens does not carry (max price age, liquidation fee per market). */
export async function readClearinghouseExtras(config: PublicConfig, marketCount: number): Promise<ClearinghouseExtras> {
  const clearinghouse = { address: config.contracts.clearinghouse, abi: clearinghouseAbi } as const;
  const client = publicClientFor(config);
  const [age, markets] = await Promise.all([
    readContract(client, { ...clearinghouse, functionName: 'maxPriceAge' }).then(
      (result) => ({ status: 'success' as const, result }),
      () => ({ status: 'failure' as const }),
    ),
    multicall(client, {
      deployless: true,
      allowFailure: true,
      contracts: Array.from(
        { length: marketCount },
        (_, i) => ({ ...clearinghouse, functionName: 'market', args: [BigInt(i)] }) as const,
      ),
    }),
  ]);
  return {
    maxPriceAge: age.status === 'success' ? age.result : null,
    liquidationFeeRates: markets.map((m) => (m.status === 'success' ? m.result[2].liquidationFeeRate : null)),
  };
}

export interface ProposalChainState {
  state: ProposalStateName | 'unknown';
  forVotes: bigint;
  againstVotes: bigint;
  abstainVotes: bigint;
  snapshot: bigint;
  deadline: bigint;
  /** Timelock eta (unix s); 0 when not queued. */
  eta: bigint;
  /** Null until the snapshot has passed. */
  quorum: bigint | null;
  hasVoted: boolean;
  /** The account's votes at the snapshot; null until the snapshot has passed. */
  votesAtSnapshot: bigint | null;
}

/** One proposal's live state from the governor (state, tally, times, quorum, `who`'s vote), in two multicalls. */
export async function readProposalChainState(
  config: PublicConfig,
  proposalId: bigint,
  who: Address,
): Promise<ProposalChainState> {
  const client = publicClientFor(config);
  const governor = { address: config.contracts.governor, abi: backstopGovernorAbi } as const;
  const [state, votes, snapshot, deadline, eta, hasVoted] = await multicall(client, {
    deployless: true,
    allowFailure: false,
    contracts: [
      { ...governor, functionName: 'state', args: [proposalId] },
      { ...governor, functionName: 'proposalVotes', args: [proposalId] },
      { ...governor, functionName: 'proposalSnapshot', args: [proposalId] },
      { ...governor, functionName: 'proposalDeadline', args: [proposalId] },
      { ...governor, functionName: 'proposalEta', args: [proposalId] },
      { ...governor, functionName: 'hasVoted', args: [proposalId, who] },
    ],
  });
  const [quorum, mine] = await multicall(client, {
    deployless: true,
    allowFailure: true,
    contracts: [
      { ...governor, functionName: 'quorum', args: [snapshot] },
      { ...governor, functionName: 'getVotes', args: [who, snapshot] },
    ],
  });
  return {
    state: stateName(state),
    againstVotes: votes[0],
    forVotes: votes[1],
    abstainVotes: votes[2],
    snapshot,
    deadline,
    eta,
    quorum: quorum.status === 'success' ? quorum.result : null,
    hasVoted,
    votesAtSnapshot: mine.status === 'success' ? mine.result : null,
  };
}
