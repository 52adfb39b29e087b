import { formatAmount } from '@/lib/format/amount';

/** Governance token amounts (18 decimals) as whole BSG. */
export const formatVotes = (v: bigint) => formatAmount(v, 18, { fractionDigits: 0, unit: 'BSG' });
