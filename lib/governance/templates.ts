import type { Address } from 'viem';
import { BOUNDS, maxCooldownFor } from './bounds';
import type { ChainParams } from './chainParams';
import type { FieldSpec, FieldValue } from './fields';

export type TargetContract = 'module' | 'clearinghouse';

/** One timelock-owned setter, bound to its tranche or market: what a proposal action is built from. */
export interface Template {
  /** Stable key, e.g. "cooldown:0", "stressLossRate:1", "guardian". */
  id: string;
  label: string;
  /** The unit the value is shown in, in words. */
  unit: string;
  contract: TargetContract;
  functionName: string;
  fields: FieldSpec[];
  /** The value(s) on chain now, from the lens dashboard (+ clearinghouse extras); null where unknown. */
  current: (p: ChainParams) => (FieldValue | null)[];
  /** The setter's arguments for these values. */
  args: (values: readonly FieldValue[]) => readonly unknown[];
  /** Checks across fields (market params); one message or null per field. */
  crossCheck?: (values: readonly FieldValue[]) => (string | null)[];
}

/** A decoded call matched to its template: which one, and the values it sets. */
export interface MatchedCall {
  templateId: string;
  values: FieldValue[];
}

const big = (v: unknown): bigint => (typeof v === 'bigint' ? v : BigInt(v as number));
const min = (value: bigint, name: string) => ({ value, name });
const max = (value: bigint, name: string) => ({ value, name });

const duration = (inputUnit: 'days' | 'hours' | 'minutes') => ({ kind: 'duration', inputUnit }) as const;

function trancheTemplates(t: ChainParams['tranches'][number], p: ChainParams): Template[] {
  const id = t.id;
  const byId = (q: ChainParams) => q.tranches.find((x) => x.id === id);
  return [
    {
      id: `depositCap:${id}`,
      label: `${t.name} deposit cap`,
      unit: p.assetSymbol,
      contract: 'module',
      functionName: 'setDepositCap',
      fields: [{ name: 'cap', label: 'Deposit cap', type: { kind: 'asset', decimals: p.assetDecimals, symbol: p.assetSymbol }, min: min(0n, 'none'), max: max(BOUNDS.MAX_UINT256, 'uint256') }],
      current: (q) => [byId(q)?.depositCap ?? null],
      args: ([v]) => [id, v],
    },
    {
      id: `cooldown:${id}`,
      label: `${t.name} cooldown`,
      unit: 'days',
      contract: 'module',
      functionName: 'setCooldown',
      fields: [
        {
          name: 'value',
          label: 'Cooldown',
          type: duration('days'),
          min: min(0n, '0'),
          max:
            p.governancePath !== null && maxCooldownFor(p.governancePath) < BOUNDS.MAX_COOLDOWN
              ? max(maxCooldownFor(p.governancePath), 'governance path − 1 day')
              : max(BOUNDS.MAX_COOLDOWN, 'MAX_COOLDOWN'),
        },
      ],
      current: (q) => [byId(q)?.cooldown ?? null],
      args: ([v]) => [id, v],
    },
    {
      id: `unstakeWindow:${id}`,
      label: `${t.name} unstake window`,
      unit: 'hours',
      contract: 'module',
      functionName: 'setUnstakeWindow',
      fields: [
        {
          name: 'value',
          label: 'Unstake window',
          type: duration('hours'),
          min: min(BOUNDS.MIN_UNSTAKE_WINDOW, 'MIN_UNSTAKE_WINDOW'),
          max: max(BOUNDS.MAX_UNSTAKE_WINDOW, 'MAX_UNSTAKE_WINDOW'),
        },
      ],
      current: (q) => [byId(q)?.unstakeWindow ?? null],
      args: ([v]) => [id, v],
    },
    {
      id: `riskMultiplier:${id}`,
      label: `${t.name} risk multiplier`,
      unit: '×',
      contract: 'module',
      functionName: 'setRiskMultiplier',
      fields: [
        {
          name: 'value',
          label: 'Risk multiplier',
          type: { kind: 'multiplier' },
          min: min(BOUNDS.MIN_RISK_MULTIPLIER, 'MIN_RISK_MULTIPLIER'),
          max: max(BOUNDS.MAX_RISK_MULTIPLIER, 'MAX_RISK_MULTIPLIER'),
        },
      ],
      current: (q) => [byId(q)?.riskMultiplier ?? null],
      args: ([v]) => [id, v],
    },
  ];
}

const MARKET_FIELDS: FieldSpec[] = [
  { name: 'initialMarginRate', label: 'Initial margin', type: { kind: 'percent' }, min: min(BOUNDS.MIN_MAINTENANCE_MARGIN_RATE, 'maintenance margin'), max: max(BOUNDS.MAX_MARGIN_RATE, 'MAX_MARGIN_RATE') },
  { name: 'maintenanceMarginRate', label: 'Maintenance margin', type: { kind: 'percent' }, min: min(BOUNDS.MIN_MAINTENANCE_MARGIN_RATE, 'MIN_MAINTENANCE_MARGIN_RATE'), max: max(BOUNDS.MAX_MARGIN_RATE, 'MAX_MARGIN_RATE') },
  { name: 'feeRate', label: 'Trading fee', type: { kind: 'percent' }, min: min(0n, '0'), max: max(BOUNDS.MAX_FEE_RATE, 'MAX_FEE_RATE') },
  { name: 'liquidationFeeRate', label: 'Liquidation fee', type: { kind: 'percent' }, min: min(0n, '0'), max: max(BOUNDS.MAX_MARGIN_RATE, 'maintenance margin') },
  { name: 'liquidationImpact', label: 'Liquidation impact', type: { kind: 'percent' }, min: min(0n, '0'), max: max(BOUNDS.MAX_LIQUIDATION_IMPACT, 'MAX_LIQUIDATION_IMPACT') },
];

function marketTemplates(m: ChainParams['markets'][number], p: ChainParams): Template[] {
  const id = m.id;
  const byId = (q: ChainParams) => q.markets.find((x) => x.id === id);
  const depth: FieldSpec = {
    name: 'liquidityDepth',
    label: 'Liquidity depth',
    type: { kind: 'asset', decimals: p.assetDecimals, symbol: p.assetSymbol },
    min: min(1n, '1 unit'),
    max: max(BOUNDS.MAX_LIQUIDITY_DEPTH, 'uint128'),
  };
  return [
    {
      id: `stressLossRate:${id}`,
      label: `${m.name} stress loss rate`,
      unit: '%',
      contract: 'module',
      functionName: 'setStressLossRate',
      fields: [{ name: 'value', label: 'Stress loss rate', type: { kind: 'percent' }, min: min(0n, '0'), max: max(BOUNDS.MAX_STRESS_LOSS_RATE, 'MAX_STRESS_LOSS_RATE') }],
      current: (q) => [byId(q)?.stressLossRate ?? null],
      args: ([v]) => [BigInt(id), v],
    },
    {
      id: `marketParams:${id}`,
      label: `${m.name} market parameters`,
      unit: '%',
      contract: 'clearinghouse',
      functionName: 'setMarketParams',
      fields: [...MARKET_FIELDS, depth],
      current: (q) => {
        const x = byId(q);
        return x
          ? [x.initialMarginRate, x.maintenanceMarginRate, x.feeRate, x.liquidationFeeRate, x.liquidationImpact, x.liquidityDepth]
          : [null, null, null, null, null, null];
      },
      args: ([initialMarginRate, maintenanceMarginRate, feeRate, liquidationFeeRate, liquidationImpact, liquidityDepth]) => [
        BigInt(id),
        { initialMarginRate, maintenanceMarginRate, feeRate, liquidationFeeRate, liquidationImpact, liquidityDepth },
      ],
      crossCheck: ([initial, maintenance, , liquidationFee]) => {
        const mm = typeof maintenance === 'bigint' ? maintenance : null;
        return [
          mm !== null && typeof initial === 'bigint' && initial < mm ? 'The initial margin must be at least the maintenance margin.' : null,
          null,
          null,
          mm !== null && typeof liquidationFee === 'bigint' && liquidationFee > mm ? 'The liquidation fee may not exceed the maintenance margin.' : null,
          null,
          null,
        ];
      },
    },
  ];
}

function moduleWideTemplates(): Template[] {
  return [
    {
      id: 'premiumVestingPeriod',
      label: 'Premium vesting period',
      unit: 'days',
      contract: 'module',
      functionName: 'setPremiumVestingPeriod',
      fields: [{ name: 'value', label: 'Vesting period', type: duration('days'), min: min(0n, '0'), max: max(BOUNDS.MAX_VESTING_PERIOD, 'MAX_VESTING_PERIOD') }],
      current: (q) => [q.premiumVestingPeriod],
      args: ([v]) => [v],
    },
    {
      id: 'solvencyThreshold',
      label: 'Solvency threshold',
      unit: '×',
      contract: 'module',
      functionName: 'setSolvencyThreshold',
      fields: [
        {
          name: 'value',
          label: 'Solvency threshold',
          type: { kind: 'multiplier' },
          min: min(BOUNDS.MIN_SOLVENCY_THRESHOLD, 'MIN_SOLVENCY_THRESHOLD'),
          max: max(BOUNDS.MAX_SOLVENCY_THRESHOLD, 'MAX_SOLVENCY_THRESHOLD'),
        },
      ],
      current: (q) => [q.solvencyThreshold],
      args: ([v]) => [v],
    },
    {
      id: 'guardian',
      label: 'Guardian',
      unit: 'address',
      contract: 'module',
      functionName: 'setGuardian',
      fields: [{ name: 'newGuardian', label: 'Guardian address', type: { kind: 'address' } }],
      current: (q) => [q.guardian],
      args: ([v]) => [v as Address],
    },
    {
      id: 'maxPriceAge',
      label: 'Maximum oracle price age',
      unit: 'minutes',
      contract: 'clearinghouse',
      functionName: 'setMaxPriceAge',
      fields: [
        { name: 'value', label: 'Max price age', type: duration('minutes'), min: min(BOUNDS.MIN_PRICE_AGE, 'MIN_PRICE_AGE'), max: max(BOUNDS.MAX_PRICE_AGE, 'MAX_PRICE_AGE') },
      ],
      current: (q) => [q.maxPriceAge],
      args: ([v]) => [v],
    },
  ];
}

/** Every template for this deployment's tranches and markets. */
export function buildTemplates(p: ChainParams): Template[] {
  return [...p.tranches.flatMap((t) => trancheTemplates(t, p)), ...p.markets.flatMap((m) => marketTemplates(m, p)), ...moduleWideTemplates()];
}

/** The template a decoded setter call belongs to, with the values it sets; null for calls no template makes. */
export function matchCall(contract: TargetContract, functionName: string, args: readonly unknown[]): MatchedCall | null {
  const [a, b] = args;
  if (contract === 'module') {
    switch (functionName) {
      case 'setDepositCap':
      case 'setCooldown':
      case 'setUnstakeWindow':
      case 'setRiskMultiplier': {
        const key = { setDepositCap: 'depositCap', setCooldown: 'cooldown', setUnstakeWindow: 'unstakeWindow', setRiskMultiplier: 'riskMultiplier' }[functionName];
        return { templateId: `${key}:${Number(a)}`, values: [big(b)] };
      }
      case 'setStressLossRate':
        return { templateId: `stressLossRate:${Number(a)}`, values: [big(b)] };
      case 'setPremiumVestingPeriod':
        return { templateId: 'premiumVestingPeriod', values: [big(a)] };
      case 'setSolvencyThreshold':
        return { templateId: 'solvencyThreshold', values: [big(a)] };
      case 'setGuardian':
        return { templateId: 'guardian', values: [a as Address] };
      default:
        return null;
    }
  }
  if (functionName === 'setMaxPriceAge') return { templateId: 'maxPriceAge', values: [big(a)] };
  if (functionName === 'setMarketParams') {
    const p = b as Record<string, bigint>;
    return { templateId: `marketParams:${Number(a)}`, values: ['initialMarginRate', 'maintenanceMarginRate', 'feeRate', 'liquidationFeeRate', 'liquidationImpact', 'liquidityDepth'].map((k) => big(p[k])) };
  }
  return null;
}
