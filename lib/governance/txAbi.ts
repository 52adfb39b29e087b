import type { Abi } from 'viem';
import {
  backstopGovernorAbi,
  backstopModuleAbi,
  backstopTimelockAbi,
  clearinghouseAbi,
  riskStewardAbi,
} from '@/lib/chain/abis.generated';

type AbiError = Extract<Abi[number], { type: 'error' }>;
const errorsOf = (abi: Abi): AbiError[] => abi.filter((item): item is AbiError => item.type === 'error');

/** Errors a proposal's queue or execution can bubble up from deeper calls (the timelock's, the targets'), each once. */
const governorErrors = new Set(errorsOf(backstopGovernorAbi).map((e) => e.name));
const nestedErrors = errorsOf([...backstopTimelockAbi, ...backstopModuleAbi, ...clearinghouseAbi, ...riskStewardAbi])
  .filter((item, i, all) => all.findIndex((other) => other.name === item.name) === i)
  .filter((item) => !governorErrors.has(item.name));

/**
 * The governor's ABI plus those errors, so that a simulated vote, queue or execute decodes a revert from anywhere in
 * the call into words.
 */
export const governorTxAbi = [...backstopGovernorAbi, ...nestedErrors] as const;
