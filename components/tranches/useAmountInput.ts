'use client';

import { useState } from 'react';
import { formatUnits } from 'viem';
import { parseAmount, type AmountLimit } from '@/lib/format/parseAmount';

/**
 * The text of an amount field and its parse. The error shows once the user has typed or tried to send, not on an
 * untouched empty field.
 */
export function useAmountInput(decimals: number, symbol: string, limits: readonly AmountLimit[]) {
  const [text, setText] = useState('');
  const [touched, setTouched] = useState(false);
  const parsed = parseAmount(text, { decimals, symbol, limits });
  return {
    text,
    setText: (value: string) => {
      setText(value);
      setTouched(true);
    },
    setMax: (max: bigint) => {
      setText(formatUnits(max, decimals));
      setTouched(true);
    },
    clear: () => {
      setText('');
      setTouched(false);
    },
    /** Marks the field as attempted; returns the amount when it is valid. */
    attempt: (): bigint | null => {
      setTouched(true);
      return parsed.ok ? parsed.value : null;
    },
    value: parsed.ok ? parsed.value : null,
    error: touched && !parsed.ok ? parsed.error : null,
  };
}
