import { z } from 'zod';

/**
 * The value types the indexer's answers are made of. Each carries the name docs/interfaces.md gives it (`wire`
 * metadata), so the docs' tables are checked against the schemas rather than written a second time.
 */
export const rawInt = z
  .string()
  .regex(/^-?\d+$/, { error: 'expected a decimal integer string' })
  .meta({ wire: 'integer string' });

export const rawUint = z
  .string()
  .regex(/^\d+$/, { error: 'expected a decimal non-negative integer string' })
  .meta({ wire: 'uint string' });

export const address = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/, { error: 'expected an address' })
  .meta({ wire: 'address' });

export const txHash = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/, { error: 'expected a transaction hash' })
  .meta({ wire: 'tx hash' });

export const hex = z
  .string()
  .regex(/^0x[0-9a-fA-F]*$/, { error: 'expected hex' })
  .meta({ wire: 'hex' });
