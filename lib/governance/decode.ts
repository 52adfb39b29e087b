import { decodeFunctionData, isAddressEqual, slice, type Hex } from 'viem';
import { backstopModuleAbi, clearinghouseAbi, riskStewardAbi } from '@/lib/chain/abis.generated';
import type { ChainParams } from './chainParams';
import type { ProposalAction, Targets } from './encode';
import { formatField, type FieldValue } from './fields';
import { describePlainCall, loosensMarket, STAGED_NOTE } from './plainCalls';
import { buildTemplates, matchCall, type TargetContract, type Template } from './templates';

const CONTRACT_NAMES: Record<TargetContract, string> = {
  module: 'Backstop module',
  clearinghouse: 'Clearinghouse',
  steward: 'Risk steward',
};

export interface DecodedAction {
  /** The whole action in words: "Junior cooldown: 7 days → 5 days". */
  words: string;
  template: Template | null;
  /** Per field: label, current, proposed (formatted). */
  changes: { label: string; current: string; proposed: string; changed: boolean }[];
}

/** A proposal action's call, decoded with its target's generated ABI; null when the target or calldata is unknown. */
export function decodeCall(
  action: Pick<ProposalAction, 'target' | 'calldata'>,
  targets: Targets,
): { contract: TargetContract; functionName: string; args: readonly unknown[] } | null {
  const contract: TargetContract | null = isAddressEqual(action.target, targets.module)
    ? 'module'
    : isAddressEqual(action.target, targets.clearinghouse)
      ? 'clearinghouse'
      : targets.steward && isAddressEqual(action.target, targets.steward)
        ? 'steward'
        : null;
  if (!contract) return null;
  try {
    const decoded = decodeFunctionData({
      abi: contract === 'module' ? backstopModuleAbi : contract === 'steward' ? riskStewardAbi : clearinghouseAbi,
      data: action.calldata,
    }) as { functionName: string; args?: readonly unknown[] };
    return { contract, functionName: decoded.functionName, args: decoded.args ?? [] };
  } catch {
    return null;
  }
}

/** A proposal action in words, measured against the current on-chain value; unknown calls say what they are. */
export function decodeAction(
  action: Pick<ProposalAction, 'target' | 'calldata'>,
  params: ChainParams,
  targets: Targets,
): DecodedAction {
  const decoded = decodeCall(action, targets);
  if (!decoded) {
    return {
      words: `Unknown call to ${action.target} (${selectorOf(action.calldata)})`,
      template: null,
      changes: [],
    };
  }
  const { contract } = decoded;
  const match = matchCall(contract, decoded.functionName, decoded.args);
  const template = match ? buildTemplates(params).find((t) => t.id === match.templateId) : undefined;
  if (!match || !template) {
    const plain = describePlainCall(contract, decoded.functionName, decoded.args, params);
    const raw = `${decoded.functionName}(${decoded.args.map(String).join(', ')})`;
    return {
      words: `${CONTRACT_NAMES[contract]}: ${plain ?? raw}`,
      template: null,
      changes: [],
    };
  }

  const current = template.current(params);
  const changes = template.fields.map((spec, i) => {
    const before = current[i] ?? null;
    const after = match.values[i] as FieldValue;
    return {
      label: spec.label,
      current: before === null ? 'unknown' : formatField(spec.type, before),
      proposed: formatField(spec.type, after),
      // Addresses compare without their checksum case; a name's case is part of it.
      changed:
        before === null ||
        (spec.type.kind === 'name' ? before !== after : String(before).toLowerCase() !== String(after).toLowerCase()),
    };
  });
  const [single] = changes;
  const described = template.words
    ? template.words(match.values)
    : changes.length === 1 && single
      ? `${template.label}: ${single.current} → ${single.proposed}`
      : `${template.label}: ${describeMany(changes)}`;
  const staged =
    template.id.startsWith('marketParams:') && loosensMarket(current as (bigint | null)[], match.values as bigint[]);
  const words = staged ? `${described} (looser: ${STAGED_NOTE})` : described;
  return { words, template, changes };
}

function describeMany(changes: DecodedAction['changes']): string {
  const moved = changes.filter((c) => c.changed);
  if (moved.length === 0) return 'no change';
  return moved.map((c) => `${c.label.toLowerCase()} ${c.current} → ${c.proposed}`).join(', ');
}

function selectorOf(calldata: Hex): string {
  return calldata.length >= 10 ? slice(calldata, 0, 4) : calldata;
}
