import { decodeFunctionData, isAddressEqual, type Address, type Hex } from 'viem';
import { backstopModuleAbi } from '@/lib/chain/abis.generated';
import { matchCall } from '@/lib/governance/templates';

/** The module's per-tranche setters, by the template id prefix matchCall gives them. */
const TRANCHE_TEMPLATES = ['depositCap', 'cooldown', 'unstakeWindow', 'riskMultiplier'];

/**
 * The tranches whose parameters a proposal's actions set (deposit cap, cooldown, unstake window, risk multiplier on
 * the module), ascending. Calls to anything else, or that do not decode, touch no tranche. Calldata is hostile input:
 * a tranche id outside 0..2 is ignored.
 */
export function proposalTranches(
  proposal: { targets: readonly string[]; calldatas: readonly string[] },
  module: Address,
): number[] {
  const touched = new Set<number>();
  proposal.targets.forEach((target, i) => {
    const calldata = proposal.calldatas[i];
    if (!calldata || !/^0x[0-9a-fA-F]{40}$/.test(target) || !isAddressEqual(target as Address, module)) return;
    let decoded: { functionName: string; args?: readonly unknown[] };
    try {
      decoded = decodeFunctionData({ abi: backstopModuleAbi, data: calldata as Hex }) as typeof decoded;
    } catch {
      return;
    }
    const match = matchCall('module', decoded.functionName, decoded.args ?? []);
    const [prefix, id] = match?.templateId.split(':') ?? [];
    if (!prefix || !TRANCHE_TEMPLATES.includes(prefix) || !/^[0-2]$/.test(id ?? '')) return;
    touched.add(Number(id));
  });
  return [...touched].sort((a, b) => a - b);
}
