import { z } from 'zod';

/**
 * GET /api/risk/backtest's answer, declared once: the e2e test validates the route's answer with it and
 * backtestDocs.test.ts checks docs/interfaces.md's table against it. Times are Unix seconds, moves fractions.
 */
const status = z.object({
  source: z.string(),
  state: z.enum(['ok', 'stale', 'down']),
  readAt: z.number().nullable(),
  reason: z.string().nullable(),
  since: z.number().nullable(),
});

const verdict = z.object({ held: z.boolean(), tooShort: z.boolean(), text: z.string() });

const cell = z.object({
  period: z.enum(['in', 'out', 'all']),
  horizonHours: z.number(),
  level: z.number(),
  side: z.enum(['fall', 'rise']),
  observations: z.number(),
  exceptions: z.number(),
  expected: z.number(),
  ratio: z.number().nullable(),
  kupiecP: z.number(),
  christoffersenP: z.number(),
  zone: z.enum(['green', 'yellow', 'red']),
});

const market = z.object({
  id: z.number(),
  name: z.string(),
  asset: z.string(),
  hours: z.number(),
  staleness: z.object({
    unchangedHours: z.number(),
    returns: z.number(),
    lastChange: z.number().nullable(),
    end: z.number(),
  }),
  cells: z.array(cell),
  verdict,
  traceThinned: z.boolean(),
  traceCount: z.number(),
  trace: z.array(
    z.object({
      time: z.number(),
      fall: z.number(),
      rise: z.number(),
      realised: z.number(),
      exception: z.boolean(),
    }),
  ),
});

const loss = z.object({
  lossId: z.string(),
  marketId: z.number(),
  market: z.string(),
  timestamp: z.number(),
  moves: z.array(
    z.object({
      horizonHours: z.number(),
      move: z.number(),
      side: z.enum(['fall', 'rise']),
      probability: z.number(),
      perYear: z.number(),
      onceInYears: z.number(),
    }),
  ),
});

export const backtestBody = z.object({
  markets: z.array(market),
  losses: z.array(loss),
  verdict,
  through: z.number().nullable(),
});

export const backtestResponse = z.object({ status, backtest: backtestBody.nullable() });
