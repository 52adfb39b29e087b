import { encodeFunctionData, type Address, type Hex } from 'viem';
import { backstopModuleAbi, clearinghouseAbi, riskStewardAbi } from '@/lib/chain/abis.generated';
import { parseField, type FieldValue } from './fields';
import type { Template, TargetContract } from './templates';

export interface ProposalAction {
  target: Address;
  value: bigint;
  calldata: Hex;
}

/** Where each target contract lives; a deployment from before the risk steward has none. */
export type Targets = Record<Exclude<TargetContract, 'steward'>, Address> & { steward?: Address | undefined };

/** A template's call as a proposal action; calldata comes from the generated ABI, never from typed hex. */
export function encodeAction(template: Template, values: readonly FieldValue[], targets: Targets): ProposalAction {
  const target = targets[template.contract];
  if (!target) throw new Error(`This deployment has no ${template.contract} to call.`);
  return { target, value: 0n, calldata: calldataOf(template, values) };
}

function calldataOf(template: Template, values: readonly FieldValue[]): Hex {
  if (template.contract === 'module') return encodeFunctionData({ abi: backstopModuleAbi, ...template.call(values) });
  if (template.contract === 'steward') return encodeFunctionData({ abi: riskStewardAbi, ...template.call(values) });
  return encodeFunctionData({ abi: clearinghouseAbi, ...template.call(values) });
}

export type ParsedInputs = { ok: true; values: FieldValue[] } | { ok: false; errors: (string | null)[] };

/** Every field's typed text parsed and checked against its bounds and the template's cross-field rules. */
export function parseInputs(template: Template, texts: readonly string[]): ParsedInputs {
  const parsed = template.fields.map((spec, i) => parseField(spec, texts[i] ?? ''));
  const errors = parsed.map((r) => (r.ok ? null : r.error));
  if (parsed.every((r) => r.ok)) {
    const values = parsed.map((r) => (r.ok ? r.value : 0n));
    const cross = template.crossCheck?.(values) ?? [];
    if (cross.every((c) => c === null)) return { ok: true, values };
    return { ok: false, errors: errors.map((e, i) => e ?? cross[i] ?? null) };
  }
  return { ok: false, errors };
}
