import type { Address } from 'viem';
import { protocolLabel } from '@/lib/format/protocolName';
import { formatDuration } from '@/lib/tranches/duration';
import { formatField } from './fields';
import type { ChainParams } from './chainParams';
import type { TargetContract } from './templates';

/** A market name chosen by a proposer is hostile text: quoted, and cut so it cannot fill the page. */
const MAX_NAME = 32;

function quoted(name: unknown): string {
  const text = String(name ?? '');
  return JSON.stringify(text.length > MAX_NAME ? `${text.slice(0, MAX_NAME)}…` : text);
}

function seconds(v: unknown): string {
  return formatDuration(Number(v));
}

const STAGED = 'announced only: it takes effect after the market-change delay (longest exit + 1 day), unless cancelled';

/**
 * Words for the calls no template makes (one-off actions rather than parameters), so a voter reads what the call
 * does instead of its raw arguments. Null when the call is not one of them.
 */
export function describePlainCall(
  contract: TargetContract,
  functionName: string,
  args: readonly unknown[],
  params: ChainParams,
): string | null {
  const [a, b] = args;
  const trancheName = (id: unknown) =>
    params.tranches.find((t) => t.id === Number(id))?.name ?? `tranche ${String(id)}`;
  const marketName = (id: unknown) => params.markets.find((m) => m.id === Number(id))?.name ?? `market ${String(id)}`;
  if (contract === 'steward') {
    if (functionName === 'setPaused') return a ? 'Pause every automatic update' : 'Resume automatic updates';
    return null;
  }
  if (contract === 'module') {
    switch (functionName) {
      case 'startNewEpoch':
        return (
          `Restart ${trancheName(a)} (new share epoch): what the wipe left is settled on the holders from before it, ` +
          'and deposits reopen at the initial share price'
        );
      case 'bindGovernor':
        return `Bind the module to governor ${a as Address}`;
      case 'rebalance':
        return (
          `Rebalance ${trancheName(a)}: book its strategy's gain or loss since the last report and move assets ` +
          'toward its buffer target (anyone may call this at any time)'
        );
      case 'setProtocolName':
      case 'setExposureCap':
      case 'setPremiumShare':
      case 'removeProtocol':
      case 'suspendProtocol':
      case 'resumeProtocol':
      case 'setProtocolStressLossRate':
        return protocolCallWithoutTemplate(functionName, args, params);
      default:
        return null;
    }
  }
  switch (functionName) {
    case 'addMarket':
      return `New market ${quoted(a)} priced by oracle ${b as Address} (max price age ${seconds(args[3])}): ${STAGED}`;
    case 'setMarketOracle':
      return `${marketName(a)} oracle → ${b as Address} (max price age ${seconds(args[2])}): ${STAGED}`;
    case 'setSequencerUptimeFeed':
      return `Sequencer-uptime feed → ${a as Address} (grace period ${seconds(b)}): ${STAGED}`;
    case 'executeMarketChange':
      return `Apply announced market change #${String(a)} (anyone may do this once its delay has passed)`;
    case 'cancelMarketChange':
      return `Cancel announced market change ${String(a)}`;
    case 'setMaxBadDebtReward':
      return `Keeper reward for a bad-debt liquidation: at most ${String(a)} ${params.assetSymbol}`;
    default:
      return null;
  }
}

/**
 * A protocol call no template matches: the protocol is not registered, is already removed (or, for a suspension,
 * already in the state asked for), or the market is not one the lens lists for it. Said in words, with what the
 * module will do.
 */
function protocolCallWithoutTemplate(functionName: string, args: readonly unknown[], params: ChainParams): string {
  const [a, b, c] = args;
  const protocol = params.protocols.find((p) => BigInt(p.id) === BigInt(a as bigint));
  if (!protocol)
    return `${functionName} for protocol #${String(a)}, which is not registered (it would revert: UnknownProtocol)`;
  const label = protocolLabel(protocol.name, protocol.id);
  if (functionName === 'removeProtocol')
    return `Remove ${label} (#${protocol.id}): already removed (it would revert: ProtocolNotActive)`;
  if (functionName === 'suspendProtocol' || functionName === 'resumeProtocol') {
    const verb = functionName === 'suspendProtocol' ? 'Suspend' : 'Resume';
    const why = !protocol.active
      ? 'removed (it would revert: ProtocolNotActive)'
      : protocol.suspended
        ? 'already suspended (it would revert: ProtocolIsSuspended)'
        : 'not suspended (it would revert: ProtocolNotSuspended)';
    return `${verb} ${label} (#${protocol.id}): ${why}`;
  }
  if (functionName === 'setProtocolStressLossRate')
    return `${label} market #${String(b)} (not listed for it) stress loss rate → ${formatField({ kind: 'percent' }, BigInt(c as bigint))}`;
  // Unreachable while every listed protocol has these templates; its arguments may hold a hostile name, so none shown.
  return `${functionName} for ${label} (#${protocol.id})`;
}

/** The contract's rule (Clearinghouse._onlyTightens): any looser field makes a market-parameter change staged. */
export function loosensMarket(current: readonly (bigint | null)[], proposed: readonly bigint[]): boolean {
  // Field order of the marketParams template: initial, maintenance, fee, liquidation fee, impact, depth.
  const lower = (i: number) => current[i] !== null && current[i] !== undefined && proposed[i]! < current[i]!;
  const higher = (i: number) => current[i] !== null && current[i] !== undefined && proposed[i]! > current[i]!;
  return lower(0) || lower(1) || lower(3) || lower(4) || higher(5);
}

export const STAGED_NOTE = STAGED;
