import { formatAmount } from '@/lib/format/amount';
import { formatRatio, formatWadPercent } from '@/lib/format/ratio';
import { formatSmallPercent } from '@/lib/format/smallPercent';
import type { ProposalEffectJson } from './effectJson';
import type { Change } from './proposalEffect';
import { MAX_UINT256 } from './solvencyMath';

/** One line of the "Effect if executed" tables: a figure before → after, in words, with its raw values. */
export interface EffectRow {
  /** Stable key, also the row's test id: "requiredCapital", "tranche-0-probabilityOfLoss", "account-expectedLoss". */
  key: string;
  /** The heading the row is listed under: "Backstop", a tranche's name, "Your position". */
  section: string;
  label: string;
  unit: string;
  /** Raw values (decimal integer strings, fractions, "true"/"false"); null where the figure is missing. */
  before: string | null;
  after: string | null;
  beforeText: string;
  afterText: string;
  changeText: string;
  changed: boolean;
}

type Kind = 'amount' | 'wadRatio' | 'wadPercent' | 'fraction' | 'boolean';

const MISSING = '—';

function text(kind: Kind, value: string, decimals: number, symbol: string): string {
  switch (kind) {
    case 'amount':
      return formatAmount(BigInt(value), decimals, { fractionDigits: 2, unit: symbol });
    case 'wadRatio':
      return formatRatio(BigInt(value), 4);
    case 'wadPercent':
      return formatWadPercent(BigInt(value), 2);
    case 'fraction':
      return formatSmallPercent(Number(value));
    case 'boolean':
      return value === 'true' ? 'yes' : 'no';
  }
}

function changeText(kind: Kind, before: string, after: string, decimals: number, symbol: string): string {
  if (before === after) return 'no change';
  if (kind === 'boolean') return `${text(kind, before, decimals, symbol)} → ${text(kind, after, decimals, symbol)}`;
  if (kind === 'fraction') {
    const d = Number(after) - Number(before);
    return `${d > 0 ? '+' : ''}${formatSmallPercent(d)}`;
  }
  const b = BigInt(before);
  const a = BigInt(after);
  if (kind === 'wadRatio' && (a === MAX_UINT256 || b === MAX_UINT256)) return a > b ? 'to ∞' : 'from ∞';
  const d = a - b;
  const sign = d > 0n ? '+' : '−';
  const magnitude = d < 0n ? -d : d;
  return `${sign}${text(kind, magnitude.toString(), decimals, symbol)}`;
}

/** The rows the page and the form show, from the effect's JSON: one formatting for both, and for the e2e test. */
export function effectRows(effect: Omit<ProposalEffectJson, 'actions'>): EffectRow[] {
  const { assetDecimals: decimals, assetSymbol: symbol } = effect;
  const rows: EffectRow[] = [];
  const add = (
    section: string,
    key: string,
    label: string,
    unit: string,
    kind: Kind,
    c: Change<string | number | boolean> | null,
  ) => {
    const before = c === null ? null : String(c.before);
    const after = c === null ? null : String(c.after);
    rows.push({
      key,
      section,
      label,
      unit,
      before,
      after,
      beforeText: before === null ? MISSING : text(kind, before, decimals, symbol),
      afterText: after === null ? MISSING : text(kind, after, decimals, symbol),
      changeText: before === null || after === null ? MISSING : changeText(kind, before, after, decimals, symbol),
      changed: before !== after,
    });
  };
  const hours = `${effect.horizonHours} h`;
  const backstop = 'Backstop';
  add(backstop, 'requiredCapital', 'Required capital', symbol, 'amount', effect.requiredCapital);
  add(backstop, 'solvencyRatio', 'Solvency ratio', '×', 'wadRatio', effect.solvencyRatio);
  add(backstop, 'solvencyThreshold', 'Solvency threshold', '×', 'wadRatio', effect.solvencyThreshold);
  add(backstop, 'newPositionsAllowed', 'New positions open', 'yes/no', 'boolean', effect.newPositionsAllowed);
  add(backstop, 'premiumMultiplier', 'Premium multiplier', '×', 'wadRatio', effect.premiumMultiplier);
  for (const t of effect.tranches) {
    const k = `tranche-${t.id}`;
    add(t.name, `${k}-probabilityOfLoss`, `P(loss) per ${hours}`, '%', 'fraction', t.probabilityOfLoss);
    add(t.name, `${k}-expectedLoss`, `Expected loss per ${hours}`, symbol, 'amount', t.expectedLoss);
    add(t.name, `${k}-fairApr`, 'Fair APR', '%', 'fraction', t.fairApr);
    add(t.name, `${k}-premiumShare`, 'Share of premiums', '%', 'wadPercent', t.premiumShare);
  }
  const account = effect.account;
  if (account) {
    const you = 'Your position';
    add(you, 'account-probabilityOfLoss', `P(any loss) per ${hours}`, '%', 'fraction', account.probabilityOfLoss);
    add(you, 'account-expectedLoss', `Expected loss per ${hours}`, symbol, 'amount', account.expectedLoss);
    add(you, 'account-premiumShare', 'Share of premiums', '%', 'wadPercent', account.premiumShare);
    for (const t of account.tranches) {
      const name = effect.tranches.find((x) => x.id === t.id)?.name ?? `Tranche ${t.id}`;
      add(you, `account-${t.id}-assets`, `In ${name}`, symbol, 'amount', { before: t.assets, after: t.assets });
    }
  }
  return rows;
}

/**
 * The rows the table will have, each "…", for tranches named and with or without an account: they hold the block's
 * height while the figures are read, so nothing moves when they land.
 */
export function effectSkeleton(tranches: readonly { id: number; name: string }[], withAccount: boolean): EffectRow[] {
  const zero = { before: '0', after: '0' };
  const none = { before: 0, after: 0 };
  const placeholder: ProposalEffectJson = {
    blockNumber: '0',
    timestamp: 0,
    assetDecimals: 0,
    assetSymbol: '',
    horizonHours: 1,
    actions: [],
    complete: true,
    totalCapital: '0',
    requiredCapital: zero,
    solvencyRatio: zero,
    solvencyThreshold: zero,
    newPositionsAllowed: { before: true, after: true },
    utilisation: zero,
    premiumMultiplier: zero,
    tranches: tranches.map((t) => ({
      ...t,
      capital: '0',
      probabilityOfLoss: none,
      expectedLoss: zero,
      fairApr: none,
      premiumShare: zero,
    })),
    account: withAccount
      ? {
          address: '0x0000000000000000000000000000000000000000',
          tranches: tranches.map((t) => ({
            id: t.id,
            shares: '0',
            assets: '0',
            probabilityOfLoss: none,
            expectedLoss: zero,
          })),
          probabilityOfLoss: none,
          expectedLoss: zero,
          premiumShare: zero,
        }
      : null,
    modelError: null,
  };
  return effectRows(placeholder).map((r) => ({
    ...r,
    before: null,
    after: null,
    beforeText: '…',
    afterText: '…',
    changeText: '…',
    changed: false,
  }));
}
