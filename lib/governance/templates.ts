import { isAddress, isAddressEqual, zeroAddress, type Address } from 'viem';
import { MAX_PROTOCOL_NAME_LENGTH, plainLabel, protocolLabel } from '@/lib/format/protocolName';
import type { backstopModuleAbi, clearinghouseAbi, riskStewardAbi } from '@/lib/chain/abis.generated';
import type { WriteCall } from '@/lib/tx/txRequest';
import { BOUNDS, maxCooldownFor } from './bounds';
import type { ChainParams } from './chainParams';
import { formatField, type FieldSpec, type FieldValue } from './fields';

/** The timelock-owned contracts a template calls, by the generated ABI each is encoded with. */
export interface TargetAbis {
  module: typeof backstopModuleAbi;
  clearinghouse: typeof clearinghouseAbi;
  steward: typeof riskStewardAbi;
}

export type TargetContract = keyof TargetAbis;

/** A call to one of `C`'s functions, its name and arguments checked against the generated ABI. */
export type SetterCall<C extends TargetContract> = WriteCall<TargetAbis[C]>;

interface TemplateOn<C extends TargetContract> {
  /** Stable key, e.g. "cooldown:0", "stressLossRate:1", "guardian". */
  id: string;
  label: string;
  /** The unit the value is shown in, in words. */
  unit: string;
  contract: C;
  fields: FieldSpec[];
  /** The value(s) on chain now, from the lens dashboard (+ clearinghouse extras); null where unknown. */
  current: (p: ChainParams) => (FieldValue | null)[];
  /** The setter and its arguments for these values (parsed and checked by `parseInputs`). */
  call: (values: readonly FieldValue[]) => SetterCall<C>;
  /** Checks across fields (market params); one message or null per field. */
  crossCheck?: (values: readonly FieldValue[]) => (string | null)[];
  /** The call in words when "label: current → proposed" does not fit (an action rather than a value). */
  words?: (values: readonly FieldValue[]) => string;
}

/** One timelock-owned setter, bound to its tranche or market: what a proposal action is built from. */
export type Template = TemplateOn<'module'> | TemplateOn<'clearinghouse'> | TemplateOn<'steward'>;

/** A decoded call matched to its template: which one, and the values it sets. */
export interface MatchedCall {
  templateId: string;
  values: FieldValue[];
}

const big = (v: unknown): bigint => (typeof v === 'bigint' ? v : BigInt(v as number));

/** A parsed numeric field's value; parseField gives bigint for every field kind but address. */
function uint(v: FieldValue | undefined): bigint {
  if (typeof v !== 'bigint') throw new Error(`Expected a number, got ${String(v)}`);
  return v;
}

/** A parsed address field's value. */
function address(v: FieldValue | undefined): Address {
  if (typeof v !== 'string' || !isAddress(v, { strict: false }))
    throw new Error(`Expected an address, got ${String(v)}`);
  return v;
}

/** A parsed name field's value. */
function text(v: FieldValue | undefined): string {
  if (typeof v !== 'string') throw new Error(`Expected a name, got ${String(v)}`);
  return v;
}
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
      fields: [
        {
          name: 'cap',
          label: 'Deposit cap',
          type: { kind: 'asset', decimals: p.assetDecimals, symbol: p.assetSymbol },
          min: min(0n, 'none'),
          max: max(BOUNDS.MAX_UINT256, 'uint256'),
        },
      ],
      current: (q) => [byId(q)?.depositCap ?? null],
      call: ([v]) => ({ functionName: 'setDepositCap', args: [id, uint(v)] }),
    },
    {
      id: `cooldown:${id}`,
      label: `${t.name} cooldown`,
      unit: 'days',
      contract: 'module',
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
      call: ([v]) => ({ functionName: 'setCooldown', args: [id, uint(v)] }),
    },
    {
      id: `unstakeWindow:${id}`,
      label: `${t.name} unstake window`,
      unit: 'hours',
      contract: 'module',
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
      call: ([v]) => ({ functionName: 'setUnstakeWindow', args: [id, uint(v)] }),
    },
    {
      id: `riskMultiplier:${id}`,
      label: `${t.name} risk multiplier`,
      unit: '×',
      contract: 'module',
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
      call: ([v]) => ({ functionName: 'setRiskMultiplier', args: [id, uint(v)] }),
    },
  ];
}

const MARKET_FIELDS: FieldSpec[] = [
  {
    name: 'initialMarginRate',
    label: 'Initial margin',
    type: { kind: 'percent' },
    min: min(BOUNDS.MIN_MAINTENANCE_MARGIN_RATE, 'maintenance margin'),
    max: max(BOUNDS.MAX_MARGIN_RATE, 'MAX_MARGIN_RATE'),
  },
  {
    name: 'maintenanceMarginRate',
    label: 'Maintenance margin',
    type: { kind: 'percent' },
    min: min(BOUNDS.MIN_MAINTENANCE_MARGIN_RATE, 'MIN_MAINTENANCE_MARGIN_RATE'),
    max: max(BOUNDS.MAX_MARGIN_RATE, 'MAX_MARGIN_RATE'),
  },
  {
    name: 'feeRate',
    label: 'Trading fee',
    type: { kind: 'percent' },
    min: min(0n, '0'),
    max: max(BOUNDS.MAX_FEE_RATE, 'MAX_FEE_RATE'),
  },
  {
    name: 'liquidationFeeRate',
    label: 'Liquidation fee',
    type: { kind: 'percent' },
    min: min(0n, '0'),
    max: max(BOUNDS.MAX_MARGIN_RATE, 'maintenance margin'),
  },
  {
    name: 'liquidationImpact',
    label: 'Liquidation impact',
    type: { kind: 'percent' },
    min: min(0n, '0'),
    max: max(BOUNDS.MAX_LIQUIDATION_IMPACT, 'MAX_LIQUIDATION_IMPACT'),
  },
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
      fields: [
        {
          name: 'value',
          label: 'Stress loss rate',
          type: { kind: 'percent' },
          min: min(0n, '0'),
          max: max(BOUNDS.MAX_STRESS_LOSS_RATE, 'MAX_STRESS_LOSS_RATE'),
        },
      ],
      current: (q) => [byId(q)?.stressLossRate ?? null],
      call: ([v]) => ({ functionName: 'setStressLossRate', args: [BigInt(id), uint(v)] }),
    },
    {
      id: `marketParams:${id}`,
      label: `${m.name} market parameters`,
      unit: '%',
      contract: 'clearinghouse',
      fields: [...MARKET_FIELDS, depth],
      current: (q) => {
        const x = byId(q);
        return x
          ? [
              x.initialMarginRate,
              x.maintenanceMarginRate,
              x.feeRate,
              x.liquidationFeeRate,
              x.liquidationImpact,
              x.liquidityDepth,
            ]
          : [null, null, null, null, null, null];
      },
      call: ([
        initialMarginRate,
        maintenanceMarginRate,
        feeRate,
        liquidationFeeRate,
        liquidationImpact,
        liquidityDepth,
      ]) => ({
        functionName: 'setMarketParams',
        args: [
          BigInt(id),
          {
            initialMarginRate: uint(initialMarginRate),
            maintenanceMarginRate: uint(maintenanceMarginRate),
            feeRate: uint(feeRate),
            liquidationFeeRate: uint(liquidationFeeRate),
            liquidationImpact: uint(liquidationImpact),
            liquidityDepth: uint(liquidityDepth),
          },
        ],
      }),
      crossCheck: ([initial, maintenance, , liquidationFee]) => {
        const mm = typeof maintenance === 'bigint' ? maintenance : null;
        return [
          mm !== null && typeof initial === 'bigint' && initial < mm
            ? 'The initial margin must be at least the maintenance margin.'
            : null,
          null,
          null,
          mm !== null && typeof liquidationFee === 'bigint' && liquidationFee > mm
            ? 'The liquidation fee may not exceed the maintenance margin.'
            : null,
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
      fields: [
        {
          name: 'value',
          label: 'Vesting period',
          type: duration('days'),
          min: min(0n, '0'),
          max: max(BOUNDS.MAX_VESTING_PERIOD, 'MAX_VESTING_PERIOD'),
        },
      ],
      current: (q) => [q.premiumVestingPeriod],
      call: ([v]) => ({ functionName: 'setPremiumVestingPeriod', args: [uint(v)] }),
    },
    {
      id: 'solvencyThreshold',
      label: 'Solvency threshold',
      unit: '×',
      contract: 'module',
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
      call: ([v]) => ({ functionName: 'setSolvencyThreshold', args: [uint(v)] }),
    },
    {
      id: 'guardian',
      label: 'Guardian',
      unit: 'address',
      contract: 'module',
      fields: [{ name: 'newGuardian', label: 'Guardian address', type: { kind: 'address' } }],
      current: (q) => [q.guardian],
      call: ([v]) => ({ functionName: 'setGuardian', args: [address(v)] }),
    },
    {
      id: 'premiumCurve',
      label: 'Premium curve',
      unit: '%, ×',
      contract: 'clearinghouse',
      fields: [
        {
          name: 'kink',
          label: 'Kink (utilisation)',
          type: { kind: 'percent' },
          min: min(BOUNDS.MIN_KINK, 'MIN_KINK'),
          max: max(BOUNDS.MAX_KINK, 'MAX_KINK'),
        },
        {
          name: 'slope1',
          label: 'Slope below the kink',
          type: { kind: 'multiplier' },
          min: min(0n, '0'),
          max: max(BOUNDS.MAX_SLOPE1, 'MAX_SLOPE1'),
        },
        {
          name: 'slope2',
          label: 'Slope above the kink',
          type: { kind: 'multiplier' },
          min: min(0n, '0'),
          max: max(BOUNDS.MAX_SLOPE2, 'MAX_SLOPE2'),
        },
        {
          name: 'referenceVolatility',
          label: 'Reference volatility',
          type: { kind: 'percent' },
          min: min(BOUNDS.MIN_VOLATILITY, 'MIN_VOLATILITY'),
          max: max(BOUNDS.MAX_VOLATILITY, 'MAX_VOLATILITY'),
        },
      ],
      current: (q) =>
        q.premium
          ? [q.premium.kink, q.premium.slope1, q.premium.slope2, q.premium.referenceVolatility]
          : [null, null, null, null],
      call: ([kink, slope1, slope2, referenceVolatility]) => ({
        functionName: 'setPremiumCurve',
        args: [
          {
            kink: uint(kink),
            slope1: uint(slope1),
            slope2: uint(slope2),
            referenceVolatility: uint(referenceVolatility),
          },
        ],
      }),
    },
    {
      id: 'premiumVolatility',
      label: 'Premium volatility input',
      unit: '%',
      contract: 'clearinghouse',
      fields: [
        {
          name: 'volatility',
          label: 'Volatility (annualised)',
          type: { kind: 'percent' },
          min: min(BOUNDS.MIN_VOLATILITY, 'MIN_VOLATILITY'),
          max: max(BOUNDS.MAX_VOLATILITY, 'MAX_VOLATILITY'),
        },
      ],
      current: (q) => [q.premium?.volatility ?? null],
      call: ([v]) => ({ functionName: 'setPremiumVolatility', args: [uint(v)] }),
    },
    {
      id: 'maxPriceAge',
      label: 'Maximum oracle price age',
      unit: 'minutes',
      contract: 'clearinghouse',
      fields: [
        {
          name: 'value',
          label: 'Max price age',
          type: duration('minutes'),
          min: min(BOUNDS.MIN_PRICE_AGE, 'MIN_PRICE_AGE'),
          max: max(BOUNDS.MAX_PRICE_AGE, 'MAX_PRICE_AGE'),
        },
      ],
      current: (q) => [q.maxPriceAge],
      call: ([v]) => ({ functionName: 'setMaxPriceAge', args: [uint(v)] }),
    },
  ];
}

/** Where a tranche's capital sits: its ERC-4626 strategy and the idle buffer (docs/productive-capital.md). */
function strategyTemplates(t: ChainParams['tranches'][number], p: ChainParams): Template[] {
  const id = t.id;
  const byId = (q: ChainParams) => q.tranches.find((x) => x.id === id);
  const buffer: FieldSpec = {
    name: 'bufferShare',
    label: 'Buffer share (kept idle)',
    type: { kind: 'percent' },
    min: min(BOUNDS.MIN_BUFFER_SHARE, 'MIN_BUFFER_SHARE'),
    max: max(BOUNDS.MAX_BUFFER_SHARE, 'MAX_BUFFER_SHARE'),
  };
  return [
    {
      id: `trancheStrategy:${id}`,
      label: `${t.name} strategy and buffer`,
      unit: 'address, %',
      contract: 'module',
      fields: [
        { name: 'strategy', label: 'Strategy (ERC-4626 vault; 0x0 for none)', type: { kind: 'address', zero: 'none' } },
        buffer,
      ],
      current: (q) => [byId(q)?.strategy ?? null, byId(q)?.bufferShare ?? null],
      call: ([s, b]) => ({ functionName: 'setTrancheStrategy', args: [id, address(s), uint(b)] }),
      crossCheck: ([s]) => {
        const vault = typeof s === 'string' ? p.tranches.find((x) => isAddressEqual(x.vault, s as Address)) : undefined;
        return [
          vault ? `That is the ${vault.name} vault: a tranche cannot be a strategy (InvalidStrategy).` : null,
          null,
        ];
      },
    },
    {
      id: `bufferShare:${id}`,
      label: `${t.name} buffer share`,
      unit: '%',
      contract: 'module',
      fields: [buffer],
      current: (q) => [byId(q)?.bufferShare ?? null],
      call: ([b]) => ({ functionName: 'setBufferShare', args: [id, uint(b)] }),
    },
  ];
}

const NAME_FIELD: FieldSpec = { name: 'name', label: 'Protocol name', type: { kind: 'name' } };

/** Registering a covered protocol: refused once MAX_PROTOCOLS are registered (removed ones keep their id). */
function addProtocolTemplate(p: ChainParams): Template {
  const asset = { kind: 'asset', decimals: p.assetDecimals, symbol: p.assetSymbol } as const;
  return {
    id: 'addProtocol',
    label: 'Add a covered protocol',
    unit: 'address, text, ' + p.assetSymbol + ', %',
    contract: 'module',
    fields: [
      { name: 'clearinghouse', label: 'Clearinghouse address', type: { kind: 'address' } },
      NAME_FIELD,
      {
        name: 'exposureCap',
        label: 'Exposure cap',
        type: asset,
        min: min(0n, 'none'),
        max: max(BOUNDS.MAX_UINT256, 'uint256'),
      },
      {
        name: 'premiumShare',
        label: 'Premium share (to the backstop)',
        type: { kind: 'percent' },
        min: min(0n, '0'),
        max: max(BOUNDS.MAX_PREMIUM_SHARE, '100 %'),
      },
    ],
    current: () => [null, null, null, null],
    call: ([c, n, cap, share]) => ({
      functionName: 'addProtocol',
      args: [address(c), text(n), uint(cap), uint(share)],
    }),
    crossCheck: ([c]) => {
      const clearinghouse = c as Address;
      const registered = p.protocols.find((x) => isAddressEqual(x.clearinghouse, clearinghouse));
      const problem = isAddressEqual(clearinghouse, zeroAddress)
        ? 'The zero address is not a clearinghouse.'
        : registered
          ? `Already registered as ${protocolLabel(registered.name, registered.id)} (protocol #${registered.id}` +
            `${registered.active ? '' : ', removed'}): a clearinghouse is registered once.`
          : BigInt(p.protocols.length) >= BOUNDS.MAX_PROTOCOLS
            ? `The module has registered ${p.protocols.length} protocols, the most it can (MAX_PROTOCOLS; removed ones keep their id).`
            : null;
      return [problem, null, null, null];
    },
    words: ([c, n, cap, share]) =>
      `Add covered protocol ${formatField(NAME_FIELD.type, n!)} (clearinghouse ${address(c)}), exposure cap ` +
      `${formatField(asset, uint(cap))}, premium share ${formatField({ kind: 'percent' }, uint(share))}: ` +
      'it may draw on the waterfall once its markets have stress loss rates (0 until set)',
  };
}

/** One covered protocol's settings; `name` is hostile text, shown only through protocolLabel / formatField. */
function protocolTemplates(x: ChainParams['protocols'][number], p: ChainParams): Template[] {
  const id = x.id;
  const label = `${protocolLabel(x.name, id)}${x.active ? (x.suspended ? ' (suspended)' : '') : ' (removed)'}`;
  const byId = (q: ChainParams) => q.protocols.find((y) => y.id === id);
  const templates: Template[] = [
    {
      id: `protocolName:${id}`,
      label: `${label} name`,
      unit: 'text',
      contract: 'module',
      fields: [NAME_FIELD],
      current: (q) => [byId(q)?.name ?? null],
      call: ([n]) => ({ functionName: 'setProtocolName', args: [BigInt(id), text(n)] }),
    },
    {
      id: `exposureCap:${id}`,
      label: `${label} exposure cap`,
      unit: p.assetSymbol,
      contract: 'module',
      fields: [
        {
          name: 'cap',
          label: 'Exposure cap',
          type: { kind: 'asset', decimals: p.assetDecimals, symbol: p.assetSymbol },
          min: min(0n, 'none'),
          max: max(BOUNDS.MAX_UINT256, 'uint256'),
        },
      ],
      current: (q) => [byId(q)?.exposureCap ?? null],
      call: ([v]) => ({ functionName: 'setExposureCap', args: [BigInt(id), uint(v)] }),
    },
    {
      id: `premiumShare:${id}`,
      label: `${label} premium share`,
      unit: '%',
      contract: 'module',
      fields: [
        {
          name: 'share',
          label: 'Premium share (to the backstop)',
          type: { kind: 'percent' },
          min: min(0n, '0'),
          max: max(BOUNDS.MAX_PREMIUM_SHARE, '100 %'),
        },
      ],
      current: (q) => [byId(q)?.premiumShare ?? null],
      call: ([v]) => ({ functionName: 'setPremiumShare', args: [BigInt(id), uint(v)] }),
    },
    // Protocol 0's markets keep their own template (stressLossRate:<market>, setStressLossRate).
    ...(id === 0
      ? []
      : x.markets.map((m): Template => ({
          id: `protocolStressLossRate:${id}:${m.id}`,
          label: `${label} · ${plainLabel(m.name, MAX_PROTOCOL_NAME_LENGTH) || `market ${m.id}`} stress loss rate`,
          unit: '%',
          contract: 'module',
          fields: [
            {
              name: 'value',
              label: 'Stress loss rate',
              type: { kind: 'percent' },
              min: min(0n, '0'),
              max: max(BOUNDS.MAX_STRESS_LOSS_RATE, 'MAX_STRESS_LOSS_RATE'),
            },
          ],
          current: (q) => [byId(q)?.markets.find((y) => y.id === m.id)?.stressLossRate ?? null],
          call: ([v]) => ({
            functionName: 'setProtocolStressLossRate',
            args: [BigInt(id), BigInt(m.id), uint(v)],
          }),
        }))),
  ];
  if (!x.active) return templates;
  const who = `${label} (#${id}, clearinghouse ${x.clearinghouse})`;
  // Offered only where the module accepts it: suspend an unsuspended protocol, resume a suspended one.
  const suspension: Template = x.suspended
    ? {
        id: `resumeProtocol:${id}`,
        label: `Resume ${label}`,
        unit: '',
        contract: 'module',
        fields: [],
        current: () => [],
        call: () => ({ functionName: 'resumeProtocol', args: [BigInt(id)] }),
        words: () =>
          `Resume covered protocol ${who}: it may draw on the waterfall again, its exposure counts in required ` +
          'capital again and its clearinghouse opens new positions again',
      }
    : {
        id: `suspendProtocol:${id}`,
        label: `Suspend ${label}`,
        unit: '',
        contract: 'module',
        fields: [],
        current: () => [],
        call: () => ({ functionName: 'suspendProtocol', args: [BigInt(id)] }),
        words: () =>
          `Suspend covered protocol ${who}: it can no longer draw on the waterfall, its exposure leaves required ` +
          'capital and its clearinghouse opens no new positions (closes go on) until governance resumes it; the ' +
          'guardian can suspend at once, without a vote',
      };
  return [
    suspension,
    {
      id: `removeProtocol:${id}`,
      label: `Remove ${label}`,
      unit: '',
      contract: 'module',
      fields: [],
      current: () => [],
      call: () => ({ functionName: 'removeProtocol', args: [BigInt(id)] }),
      words: () =>
        `Remove covered protocol ${label} (#${id}, clearinghouse ${x.clearinghouse}): its exposure leaves required ` +
        'capital, it can no longer draw on the waterfall, its clearinghouse opens no new positions and a removed ' +
        'protocol cannot be added back',
    },
    ...templates,
  ];
}

/** The steward's parameters, by number (RiskSteward.sol): its ranges are set per parameter. */
const STEWARD_PARAMETERS = [
  { name: 'Junior risk multiplier', kind: 'multiplier', floor: 'MIN_RISK_MULTIPLIER', ceiling: 'MAX_RISK_MULTIPLIER' },
  {
    name: 'Mezzanine risk multiplier',
    kind: 'multiplier',
    floor: 'MIN_RISK_MULTIPLIER',
    ceiling: 'MAX_RISK_MULTIPLIER',
  },
  { name: 'Senior risk multiplier', kind: 'multiplier', floor: 'MIN_RISK_MULTIPLIER', ceiling: 'MAX_RISK_MULTIPLIER' },
  { name: 'premium volatility', kind: 'percent', floor: 'MIN_VOLATILITY', ceiling: 'MAX_VOLATILITY' },
] as const;

function stewardTemplates(): Template[] {
  return [
    {
      id: 'stewardLimits',
      label: 'Steward step and interval',
      unit: '%, hours',
      contract: 'steward',
      fields: [
        {
          name: 'maxStep',
          label: 'Largest step per update',
          type: { kind: 'percent' },
          min: min(0n, '0'),
          max: max(BOUNDS.MAX_STEP_LIMIT, 'MAX_STEP_LIMIT'),
        },
        {
          name: 'minInterval',
          label: 'Shortest interval per parameter',
          type: duration('hours'),
          min: min(BOUNDS.MIN_INTERVAL_LIMIT, 'MIN_INTERVAL_LIMIT'),
          max: max(BOUNDS.MAX_INTERVAL_LIMIT, 'MAX_INTERVAL_LIMIT'),
        },
      ],
      current: (q) => [q.steward?.maxStep ?? null, q.steward?.minInterval ?? null],
      call: ([step, interval]) => ({ functionName: 'setLimits', args: [uint(step), uint(interval)] }),
    },
    ...STEWARD_PARAMETERS.map((param, i): Template => ({
      id: `stewardBounds:${i}`,
      label: `Steward range: ${param.name}`,
      unit: param.kind === 'percent' ? '%' : '×',
      contract: 'steward',
      fields: [
        {
          name: 'min',
          label: 'Lowest',
          type: { kind: param.kind },
          min: min(BOUNDS[param.floor], param.floor),
          max: max(BOUNDS[param.ceiling], param.ceiling),
        },
        {
          name: 'max',
          label: 'Highest',
          type: { kind: param.kind },
          min: min(BOUNDS[param.floor], param.floor),
          max: max(BOUNDS[param.ceiling], param.ceiling),
        },
      ],
      current: (q) => [q.steward?.min[i] ?? null, q.steward?.max[i] ?? null],
      call: ([lo, hi]) => ({ functionName: 'setBounds', args: [i, uint(lo), uint(hi)] }),
      crossCheck: ([lo, hi]) => [
        null,
        typeof lo === 'bigint' && typeof hi === 'bigint' && hi < lo ? 'The highest may not be below the lowest.' : null,
      ],
    })),
    {
      id: 'stewardKeeper',
      label: "Risk steward's keeper",
      unit: 'address',
      contract: 'steward',
      fields: [{ name: 'keeper', label: 'Keeper address', type: { kind: 'address' } }],
      current: (q) => [q.steward?.keeper ?? null],
      call: ([v]) => ({ functionName: 'setKeeper', args: [address(v)] }),
    },
  ];
}

/** Every template for this deployment's tranches and markets (and its risk steward, when it has one). */
export function buildTemplates(p: ChainParams): Template[] {
  return [
    ...p.tranches.flatMap((t) => trancheTemplates(t, p)),
    ...p.markets.flatMap((m) => marketTemplates(m, p)),
    ...moduleWideTemplates(),
    ...(p.protocols.length > 0 ? [addProtocolTemplate(p), ...p.protocols.flatMap((x) => protocolTemplates(x, p))] : []),
    ...p.tranches.flatMap((t) => strategyTemplates(t, p)),
    ...(p.steward ? stewardTemplates() : []),
  ];
}

/** The template a decoded setter call belongs to, with the values it sets; null for calls no template makes. */
export function matchCall(
  contract: TargetContract,
  functionName: string,
  args: readonly unknown[],
): MatchedCall | null {
  const [a, b] = args;
  if (contract === 'steward') {
    if (functionName === 'setLimits') return { templateId: 'stewardLimits', values: [big(a), big(b)] };
    if (functionName === 'setBounds')
      return { templateId: `stewardBounds:${Number(a)}`, values: [big(b), big(args[2])] };
    if (functionName === 'setKeeper') return { templateId: 'stewardKeeper', values: [a as Address] };
    return null;
  }
  if (contract === 'module') {
    switch (functionName) {
      case 'setDepositCap':
      case 'setCooldown':
      case 'setUnstakeWindow':
      case 'setRiskMultiplier': {
        const key = {
          setDepositCap: 'depositCap',
          setCooldown: 'cooldown',
          setUnstakeWindow: 'unstakeWindow',
          setRiskMultiplier: 'riskMultiplier',
        }[functionName];
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
      case 'addProtocol':
        return { templateId: 'addProtocol', values: [a as Address, String(b), big(args[2]), big(args[3])] };
      case 'removeProtocol':
      case 'suspendProtocol':
      case 'resumeProtocol':
        return { templateId: `${functionName}:${Number(a)}`, values: [] };
      case 'setProtocolName':
        return { templateId: `protocolName:${Number(a)}`, values: [String(b)] };
      case 'setExposureCap':
        return { templateId: `exposureCap:${Number(a)}`, values: [big(b)] };
      case 'setPremiumShare':
        return { templateId: `premiumShare:${Number(a)}`, values: [big(b)] };
      case 'setProtocolStressLossRate':
        // Protocol 0's rates are the ones setStressLossRate sets: the same template, the same effect.
        return {
          templateId:
            big(a) === 0n ? `stressLossRate:${Number(b)}` : `protocolStressLossRate:${Number(a)}:${Number(b)}`,
          values: [big(args[2])],
        };
      case 'setTrancheStrategy':
        return { templateId: `trancheStrategy:${Number(a)}`, values: [b as Address, big(args[2])] };
      case 'setBufferShare':
        return { templateId: `bufferShare:${Number(a)}`, values: [big(b)] };
      default:
        return null;
    }
  }
  if (functionName === 'setMaxPriceAge') return { templateId: 'maxPriceAge', values: [big(a)] };
  if (functionName === 'setPremiumVolatility') return { templateId: 'premiumVolatility', values: [big(a)] };
  if (functionName === 'setPremiumCurve') {
    const c = a as Record<string, bigint>;
    return {
      templateId: 'premiumCurve',
      values: ['kink', 'slope1', 'slope2', 'referenceVolatility'].map((k) => big(c[k])),
    };
  }
  if (functionName === 'setMarketParams') {
    const p = b as Record<string, bigint>;
    return {
      templateId: `marketParams:${Number(a)}`,
      values: [
        'initialMarginRate',
        'maintenanceMarginRate',
        'feeRate',
        'liquidationFeeRate',
        'liquidationImpact',
        'liquidityDepth',
      ].map((k) => big(p[k])),
    };
  }
  return null;
}
