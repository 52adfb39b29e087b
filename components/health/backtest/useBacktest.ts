'use client';

import { useQuery } from '@tanstack/react-query';
import type { BacktestPayload } from '@/lib/health/backtestPayload';

/** One fetch of GET /api/risk/backtest, shared by every market's chart. */
export function useBacktest() {
  return useQuery({
    queryKey: ['risk', 'backtest'],
    queryFn: async (): Promise<NonNullable<BacktestPayload['backtest']>> => {
      const response = await fetch('/api/risk/backtest');
      const body = (await response.json()) as BacktestPayload;
      if (!body.backtest) throw new Error(body.status.reason ?? 'no backtest yet');
      return body.backtest;
    },
    staleTime: 60_000,
  });
}
