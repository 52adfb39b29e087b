import type { Address, Hex } from 'viem';
import { analyticQuote, toFloat, type RiskInputs, type TrancheQuote } from '@/lib/risk';
import { coveredBooks } from '@/lib/risk/coveredExposure';
import { DEFAULT_PARAMS } from '@/lib/risk/defaults';
import { decodeCall } from './decode';
import type { Targets } from './encode';
import type { EffectAccount, EffectState } from './effectState';
import {
  applyCoverCall,
  mulDiv,
  premiumMultiplier,
  premiumShares,
  requiredCapital,
  requiredCapitalOfProtocols,
  solvencyRatio,
  utilisationOf,
  type CoverCall,
  type PremiumCurve,
} from './solvencyMath';
import { matchCall } from './templates';

/** The figures a parameter can move (docs/interfaces.md, "What each parameter changes"). */
export type EffectOutput =
  | 'requiredCapital'
  | 'solvencyRatio'
  | 'solvencyThreshold'
  | 'newPositions'
  | 'premiumMultiplier'
  | 'premiumShare'
  | 'trancheRisk';

/**
 * modelled: the figures include it; noModelledEffect: a known parameter none of the figures depend on; notModelled:
 * a known call whose effect the figures leave out (a restart, a new market...); unknown: a call that is not decoded.
 */
export type ActionKind = 'modelled' | 'noModelledEffect' | 'notModelled' | 'unknown';

export interface ActionEffect {
  index: number;
  kind: ActionKind;
  /** The template id ("stressLossRate:0"), the function name of a one-off call, or null when unknown. */
  call: string | null;
  affects: EffectOutput[];
  /** What it changes, or why the figures do not show it. */
  note: string;
}

export interface Change<T> {
  before: T;
  after: T;
}

export interface TrancheEffect {
  id: number;
  name: string;
  /** Vested capital (asset units, raw): a parameter change does not move it. */
  capital: bigint;
  /** Risk model (analytic), one liquidation horizon; null when the model could not run (`modelError`). */
  probabilityOfLoss: Change<number> | null;
  /** Expected loss per horizon, asset units (raw, rounded from the model's float). */
  expectedLoss: Change<bigint> | null;
  /** The model's fair premium APR (a fraction). */
  fairApr: Change<number> | null;
  /** Share of each premium payment, a wad (contract arithmetic). */
  premiumShare: Change<bigint>;
}

export interface AccountEffect {
  address: Address;
  tranches: {
    id: number;
    shares: bigint;
    /** Value of the shares (asset units, raw): not moved by a parameter change. */
    assets: bigint;
    /** The tranche's P(loss) when the account holds any of it, else 0. */
    probabilityOfLoss: Change<number> | null;
    /** The tranche's expected loss × the account's part of its capital. */
    expectedLoss: Change<bigint> | null;
  }[];
  /** P(the account loses anything): its most junior holding's P(loss) (losses run up the waterfall). */
  probabilityOfLoss: Change<number> | null;
  expectedLoss: Change<bigint> | null;
  /** The account's share of each premium payment, a wad. */
  premiumShare: Change<bigint>;
}

export interface ProposalEffect {
  blockNumber: bigint;
  timestamp: number;
  assetDecimals: number;
  assetSymbol: string;
  /** The risk model's liquidation horizon, in hours: P(loss) and expected loss are per horizon. */
  horizonHours: number;
  actions: ActionEffect[];
  /** Every action is either in the figures or known to have no effect on them. */
  complete: boolean;
  totalCapital: bigint;
  requiredCapital: Change<bigint>;
  /** Wad; 2²⁵⁶ − 1 when nothing is required (as the contract reports it). */
  solvencyRatio: Change<bigint>;
  solvencyThreshold: Change<bigint>;
  /** New positions open only while the solvency ratio is at least the threshold. */
  newPositionsAllowed: Change<boolean>;
  /** Null when the premium curve was not read. */
  utilisation: Change<bigint> | null;
  premiumMultiplier: Change<bigint> | null;
  tranches: TrancheEffect[];
  account: AccountEffect | null;
  /** Why the risk model's figures are missing (no price history yet, inputs of another block...). */
  modelError: string | null;
}

export interface EffectRequest {
  state: EffectState;
  /**
   * The risk model's inputs from GET /api/risk/inputs (riskInputsFromChain): read here only for each market's
   * volatility, market-move model and the correlation; notionals, margins and capital come from `state`. Null: no model.
   */
  model: RiskInputs | null;
  actions: readonly { target: Address; calldata: Hex }[];
  targets: Targets;
  account?: EffectAccount | null;
}

const NOTES = {
  stressLossRate: 'Required capital, the solvency ratio, whether new positions open, the premium multiplier.',
  marketParams:
    'Maintenance margin, liquidation impact and liquidity depth feed the risk model; initial margin and fees have no ' +
    'modelled effect. A looser change is only announced: it applies after the market-change delay.',
  riskMultiplier: "Each tranche's share of premiums.",
  solvencyThreshold: 'Whether new positions open (solvency ratio ≥ threshold).',
  premiumCurve: 'The premium multiplier traders pay.',
  premiumVolatility: 'The premium multiplier traders pay.',
  depositCap: "Limits future deposits only; the figures use today's capital.",
  cooldown: 'Exit timing: the risk figures do not depend on it.',
  unstakeWindow: 'Exit timing: the risk figures do not depend on it.',
  premiumVestingPeriod: 'When premiums vest: the risk figures do not depend on it.',
  guardian: 'Who may pause and cancel: no effect on the figures.',
  maxPriceAge: 'Oracle staleness limit: the risk model does not see it.',
  stewardLimits: "Limits on the steward's automatic updates: no effect until it makes one.",
  stewardBounds: "Limits on the steward's automatic updates: no effect until it makes one.",
  stewardKeeper: 'Who may make automatic updates: no effect on the figures.',
  protocolName: 'A label only: no effect on the figures.',
  exposureCap:
    'Limits new positions on this protocol only (an open that would take its exposure over the cap is refused); ' +
    "the figures use today's positions.",
  premiumShare:
    "The backstop's part of this protocol's premiums: income, which the figures (capital, required capital, risk) " +
    'do not include.',
  bufferShare:
    'How much of the tranche stays idle: its capital (totalAssets) stays the same, so the figures do not move; a cover ' +
    'beyond the buffer is redeemed from the strategy in the same transaction.',
  addProtocol:
    'A new protocol that may draw on the waterfall. Its exposure starts at 0 (its markets have no stress loss rates ' +
    'until set), so required capital does not move at once; the risk model does not see its markets, so what it ' +
    "adds to the tranches' risk is left out.",
  // Used only when the state read has no protocols (a lens from before them); otherwise PROTOCOL_CALLS applies them.
  removeProtocol:
    "Takes the protocol's exposure out of required capital (so the solvency ratio, whether new positions open and " +
    'the premium multiplier move) and ends its covers; this read of the chain has no covered protocols, so the ' +
    'before → after figures leave it out.',
  suspendProtocol:
    "Takes the protocol's exposure out of required capital until it is resumed and stops its covers and opens; this " +
    'read of the chain has no covered protocols, so the before → after figures leave it out.',
  resumeProtocol:
    "Puts the protocol's exposure back in required capital and lets it draw and open again; this read of the chain " +
    'has no covered protocols, so the before → after figures leave it out.',
  protocolStressLossRate:
    "Changes this protocol's exposure, hence required capital, the solvency ratio, whether new positions open and " +
    'the premium multiplier; this read of the chain has no covered protocols, so the before → after figures leave ' +
    'it out.',
  trancheStrategy:
    "Moves the tranche's assets to another strategy: all of the old one is redeemed first and what it does not give " +
    "back is booked as a loss of this tranche; the figures take today's capital and do not model a strategy's risk.",
} as const;

const AFFECTS: Partial<Record<keyof typeof NOTES, EffectOutput[]>> = {
  stressLossRate: ['requiredCapital', 'solvencyRatio', 'newPositions', 'premiumMultiplier'],
  marketParams: ['trancheRisk'],
  riskMultiplier: ['premiumShare'],
  solvencyThreshold: ['solvencyThreshold', 'newPositions'],
  premiumCurve: ['premiumMultiplier'],
  premiumVolatility: ['premiumMultiplier'],
  // Not modelled (below), but these are the figures they would move.
  removeProtocol: ['requiredCapital', 'solvencyRatio', 'newPositions', 'premiumMultiplier'],
  suspendProtocol: ['requiredCapital', 'solvencyRatio', 'newPositions', 'premiumMultiplier'],
  resumeProtocol: ['requiredCapital', 'solvencyRatio', 'newPositions', 'premiumMultiplier'],
  protocolStressLossRate: ['requiredCapital', 'solvencyRatio', 'newPositions', 'premiumMultiplier'],
};

/** Known calls whose effect the figures leave out, each with its reason (NOTES). */
const NOT_MODELLED_KEYS = new Set([
  'addProtocol',
  'removeProtocol',
  'suspendProtocol',
  'resumeProtocol',
  'protocolStressLossRate',
  'trancheStrategy',
]);

/** Templates bound to a market or a tranche: their subject must exist here. */
const MARKET_KEYS = new Set(['stressLossRate', 'marketParams']);
const TRANCHE_KEYS = new Set([
  'depositCap',
  'cooldown',
  'unstakeWindow',
  'riskMultiplier',
  'trancheStrategy',
  'bufferShare',
]);

/** One-off calls the figures leave out, and unknown calls, are flagged, never guessed. */
const NOT_MODELLED = 'A one-off call whose effect the figures leave out.';
const UNKNOWN = 'Not a call of this deployment’s contracts that could be decoded: its effect is unknown.';

function cloneState(s: EffectState): EffectState {
  return {
    ...s,
    markets: s.markets.map((m) => ({ ...m })),
    tranches: s.tranches.map((t) => ({ ...t })),
    premium: s.premium ? { ...s.premium } : null,
  };
}

/**
 * Module calls on a covered protocol (solvencyMath.applyCoverCall): required capital sums every active, unsuspended
 * protocol.
 */
const PROTOCOL_CALLS: Partial<Record<string, { note: string; affects: EffectOutput[] }>> = {
  setProtocolStressLossRate: {
    note: 'Required capital, the solvency ratio, whether new positions open, the premium multiplier.',
    affects: ['requiredCapital', 'solvencyRatio', 'newPositions', 'premiumMultiplier'],
  },
  removeProtocol: {
    note:
      "Its exposure leaves required capital and its open interest the risk model's books: required capital, the " +
      'solvency ratio, whether new positions open, the premium multiplier, tranche risk.',
    affects: ['requiredCapital', 'solvencyRatio', 'newPositions', 'premiumMultiplier', 'trancheRisk'],
  },
  suspendProtocol: {
    note:
      "Until governance resumes it, its exposure leaves required capital and its open interest the risk model's " +
      'books: required capital, the solvency ratio, whether new positions open, the premium multiplier, tranche risk.',
    affects: ['requiredCapital', 'solvencyRatio', 'newPositions', 'premiumMultiplier', 'trancheRisk'],
  },
  resumeProtocol: {
    note:
      "Its exposure counts in required capital again and its open interest in the risk model's books: required " +
      'capital, the solvency ratio, whether new positions open, the premium multiplier, tranche risk.',
    affects: ['requiredCapital', 'solvencyRatio', 'newPositions', 'premiumMultiplier', 'trancheRisk'],
  },
};

/** Applies a covered-protocol call to `state` (mutated); null when it is not one or the lens read has no protocols. */
function applyProtocolCall(
  state: EffectState,
  index: number,
  decoded: { contract: string; functionName: string; args: readonly unknown[] },
  call: string,
): ActionEffect | null {
  const known = decoded.contract === 'module' ? PROTOCOL_CALLS[decoded.functionName] : undefined;
  if (!known || !state.protocols) return null;
  const protocols = applyCoverCall(state.protocols, decoded as unknown as CoverCall);
  if (!protocols) return { index, kind: 'notModelled', call, affects: [], note: `${NOT_MODELLED} (no such item)` };
  state.protocols = protocols;
  const p0 = protocols.find((p) => p.id === 0);
  for (const m of state.markets)
    m.stressLossRate = p0?.markets.find((x) => x.id === m.id)?.stressLossRate ?? m.stressLossRate;
  return { index, kind: 'modelled', call, affects: known.affects, note: known.note };
}

/** Applies one action to `state` (mutated) and says what it does to the figures. */
function applyAction(
  state: EffectState,
  index: number,
  action: { target: Address; calldata: Hex },
  targets: Targets,
): ActionEffect {
  const decoded = decodeCall(action, targets);
  if (!decoded) return { index, kind: 'unknown', call: null, affects: [], note: UNKNOWN };
  const match = matchCall(decoded.contract, decoded.functionName, decoded.args);
  const protocolCall = applyProtocolCall(state, index, decoded, match?.templateId ?? decoded.functionName);
  if (protocolCall) return protocolCall;
  if (!match) return { index, kind: 'notModelled', call: decoded.functionName, affects: [], note: NOT_MODELLED };
  const [key = '', subject] = match.templateId.split(':');
  const value = (i: number) => match.values[i] as bigint;
  const market = MARKET_KEYS.has(key) ? state.markets.find((m) => m.id === Number(subject)) : undefined;
  const tranche = TRANCHE_KEYS.has(key) ? state.tranches.find((t) => t.id === Number(subject)) : undefined;
  const exists = MARKET_KEYS.has(key) ? market : TRANCHE_KEYS.has(key) ? tranche : true;
  if (!exists || !(key in NOTES)) {
    return { index, kind: 'notModelled', call: match.templateId, affects: [], note: `${NOT_MODELLED} (no such item)` };
  }
  const note = NOTES[key as keyof typeof NOTES];
  if (NOT_MODELLED_KEYS.has(key)) {
    const affects = AFFECTS[key as keyof typeof NOTES] ?? [];
    return { index, kind: 'notModelled', call: match.templateId, affects, note };
  }
  const modelled = (): ActionEffect => ({
    index,
    kind: 'modelled',
    call: match.templateId,
    affects: AFFECTS[key as keyof typeof NOTES] ?? [],
    note,
  });
  switch (key) {
    case 'stressLossRate':
      market!.stressLossRate = value(0);
      if (state.protocols) {
        const call = { functionName: 'setStressLossRate', args: [BigInt(market!.id), value(0)] } as const;
        state.protocols = applyCoverCall(state.protocols, call) ?? state.protocols;
      }
      return modelled();
    case 'marketParams':
      market!.maintenanceMarginRate = value(1);
      market!.liquidationImpact = value(4);
      market!.liquidityDepth = value(5);
      return modelled();
    case 'riskMultiplier':
      tranche!.riskMultiplier = value(0);
      return modelled();
    case 'solvencyThreshold':
      state.solvencyThreshold = value(0);
      return modelled();
    case 'premiumCurve':
    case 'premiumVolatility':
      if (!state.premium) {
        return {
          index,
          kind: 'notModelled',
          call: match.templateId,
          affects: [],
          note: 'The premium curve was not read.',
        };
      }
      if (key === 'premiumVolatility') state.premium.volatility = value(0);
      else
        Object.assign(state.premium, {
          kink: value(0),
          slope1: value(1),
          slope2: value(2),
          referenceVolatility: value(3),
        });
      return modelled();
    default:
      return { index, kind: 'noModelledEffect', call: match.templateId, affects: [], note };
  }
}

/** The model's inputs for `state`: its books, margins and capital, with `model`'s volatilities and correlation. */
export function modelInputsFor(state: EffectState, model: RiskInputs): RiskInputs {
  if (
    model.markets.length !== state.markets.length ||
    model.markets.some((m, i) => m.name !== state.markets[i]!.name)
  ) {
    throw new Error('the model inputs and the chain read list different markets (a market was just added): retrying');
  }
  const d = state.assetDecimals;
  // Each market's book carries its asset's open interest over every active protocol (lib/risk/coveredExposure.ts).
  const books = state.protocols ? coveredBooks(state.markets, state.protocols).markets : state.markets;
  return {
    markets: books.map((m, i) => ({
      ...model.markets[i]!,
      longNotional: toFloat(m.longNotional, d),
      shortNotional: toFloat(m.shortNotional, d),
      maintenanceMarginRate: toFloat(m.maintenanceMarginRate, 18),
      liquidationImpact: toFloat(m.liquidationImpact, 18),
      liquidityDepth: toFloat(m.liquidityDepth, d),
    })),
    correlation: model.correlation,
    tranches: state.tranches.map((t) => ({ id: t.id, name: t.name, capital: toFloat(t.totalAssets, d) })),
  };
}

interface Figures {
  required: bigint;
  ratio: bigint;
  utilisation: bigint;
  multiplier: bigint | null;
  shares: bigint[];
}

function figuresOf(state: EffectState, totalCapital: bigint): Figures {
  const required = state.protocols ? requiredCapitalOfProtocols(state.protocols) : requiredCapital(state.markets);
  const ratio = solvencyRatio(totalCapital, required);
  const utilisation = utilisationOf(ratio);
  return {
    required,
    ratio,
    utilisation,
    multiplier: state.premium ? multiplierOrNull(state.premium, utilisation) : null,
    shares: premiumShares(state.tranches),
  };
}

/** A curve the contract would refuse (a zero reference volatility, a kink at 100 %) has no multiplier. */
function multiplierOrNull(curve: PremiumCurve, utilisation: bigint): bigint | null {
  try {
    return premiumMultiplier(curve, utilisation);
  } catch {
    return null;
  }
}

/** A model amount (asset units, float) as raw integer units. */
function toRaw(amount: number, decimals: number): bigint {
  if (!Number.isFinite(amount)) throw new RangeError(`not a finite amount: ${amount}`);
  return BigInt(Math.round(amount * 10 ** decimals));
}

const change = <T>(before: T, after: T): Change<T> => ({ before, after });

/**
 * A proposal's effect if executed: the figures on `state` before and after its actions, in order. The solvency and
 * premium figures follow the contracts' arithmetic exactly; P(loss), expected loss and fair APR are the risk model's
 * analytic quote (deterministic). Actions the figures cannot include are flagged in `actions`, never guessed.
 */
export function proposalEffect(request: EffectRequest): ProposalEffect {
  const { state, targets } = request;
  const after = cloneState(state);
  const actions = request.actions.map((a, i) => applyAction(after, i, a, targets));
  const totalCapital = state.tranches.reduce((sum, t) => sum + t.totalAssets, 0n);

  const b = figuresOf(state, totalCapital);
  const a = figuresOf(after, totalCapital);
  let modelError: string | null = request.model ? null : 'the risk model’s inputs are not read yet';
  let quotes: { before: TrancheQuote[]; after: TrancheQuote[] } | null = null;
  if (request.model) {
    try {
      quotes = {
        before: analyticQuote(modelInputsFor(state, request.model)).tranches,
        after: analyticQuote(modelInputsFor(after, request.model)).tranches,
      };
    } catch (error) {
      modelError = error instanceof Error ? error.message : String(error);
    }
  }

  const d = state.assetDecimals;
  const pair = <T>(id: number, pick: (q: TrancheQuote) => T): Change<T> | null => {
    const qb = quotes?.before.find((q) => q.id === id);
    const qa = quotes?.after.find((q) => q.id === id);
    return qb && qa ? change(pick(qb), pick(qa)) : null;
  };
  const tranches: TrancheEffect[] = state.tranches.map((t, i) => ({
    id: t.id,
    name: t.name,
    capital: t.totalAssets,
    probabilityOfLoss: pair(t.id, (q) => q.probabilityOfLoss),
    expectedLoss: pair(t.id, (q) => toRaw(q.expectedLoss, d)),
    fairApr: pair(t.id, (q) => q.fairPremiumApr),
    premiumShare: change(b.shares[i] ?? 0n, a.shares[i] ?? 0n),
  }));

  return {
    blockNumber: state.blockNumber,
    timestamp: state.timestamp,
    assetDecimals: d,
    assetSymbol: state.assetSymbol,
    horizonHours: DEFAULT_PARAMS.horizonDays * 24,
    actions,
    complete: actions.every((x) => x.kind === 'modelled' || x.kind === 'noModelledEffect'),
    totalCapital,
    requiredCapital: change(b.required, a.required),
    solvencyRatio: change(b.ratio, a.ratio),
    solvencyThreshold: change(state.solvencyThreshold, after.solvencyThreshold),
    newPositionsAllowed: change(b.ratio >= state.solvencyThreshold, a.ratio >= after.solvencyThreshold),
    utilisation: state.premium ? change(b.utilisation, a.utilisation) : null,
    premiumMultiplier: b.multiplier !== null && a.multiplier !== null ? change(b.multiplier, a.multiplier) : null,
    tranches,
    account: request.account ? accountEffect(request.account, tranches) : null,
    modelError,
  };
}

function accountEffect(account: EffectAccount, tranches: TrancheEffect[]): AccountEffect {
  const rows = tranches.map((t, i) => {
    const holding = account.tranches[i] ?? { shares: 0n, assets: 0n };
    const part = (el: bigint) => (t.capital === 0n ? 0n : mulDiv(el, holding.assets, t.capital));
    return {
      id: t.id,
      shares: holding.shares,
      assets: holding.assets,
      probabilityOfLoss: t.probabilityOfLoss && (holding.assets > 0n ? t.probabilityOfLoss : change(0, 0)),
      expectedLoss: t.expectedLoss && change(part(t.expectedLoss.before), part(t.expectedLoss.after)),
    };
  });
  const first = rows.find((r) => r.assets > 0n);
  const modelled = rows.every((r) => r.expectedLoss !== null);
  const sum = (pick: (r: (typeof rows)[number]) => bigint) => rows.reduce((s, r) => s + pick(r), 0n);
  const share = (pick: (t: TrancheEffect) => bigint) =>
    tranches.reduce((s, t, i) => s + (t.capital === 0n ? 0n : mulDiv(pick(t), rows[i]!.assets, t.capital)), 0n);
  return {
    address: account.address,
    tranches: rows,
    probabilityOfLoss: !modelled ? null : first ? first.probabilityOfLoss : change(0, 0),
    expectedLoss: modelled
      ? change(
          sum((r) => r.expectedLoss!.before),
          sum((r) => r.expectedLoss!.after),
        )
      : null,
    premiumShare: change(
      share((t) => t.premiumShare.before),
      share((t) => t.premiumShare.after),
    ),
  };
}
