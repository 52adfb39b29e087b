import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { schemaFields, type FieldRow } from '@/lib/indexer/schemaFields';
import { chainBacktest } from '@/lib/risk/chainBacktest';
import { syntheticCloses } from '@/lib/risk/marketMove/testSeries';
import { backtestPayload } from './backtestPayload';
import { backtestBody, backtestResponse } from './backtestSchema';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ROUTE = '/api/risk/backtest';

/** The field table under docs/interfaces.md's "### `GET /api/risk/backtest`" heading. */
function documentedFields(markdown: string): FieldRow[] {
  const part = markdown.split(/^### /m).find((p) => p.startsWith(`\`GET ${ROUTE}`));
  if (!part) throw new Error(`docs/interfaces.md has no "### \`GET ${ROUTE}\`" section`);
  return part
    .split(/^#{2,3} /m)[0]!
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const [field = '', type = ''] = line.split(' | ');
      return { field: field.replace(/^\| `|`$/g, ''), type: type.trim() };
    });
}

/** The response's rows with the nullable `backtest` object's own fields after its row. */
function expectedFields(): FieldRow[] {
  return schemaFields(backtestResponse).flatMap((row) =>
    row.field === 'backtest' ? [row, ...schemaFields(backtestBody, 'backtest.')] : [row],
  );
}

describe('GET /api/risk/backtest', () => {
  it("docs/interfaces.md's table matches the answer's schema", () => {
    const expected = expectedFields();
    const table = expected.map((r) => `| \`${r.field}\` | ${r.type} | |`).join('\n');
    expect(
      documentedFields(readFileSync(join(ROOT, 'docs/interfaces.md'), 'utf8')),
      `docs/interfaces.md should read\n${table}\n`,
    ).toEqual(expected);
  });

  it('the payload the route builds passes the schema, JSON round trip included', () => {
    const closes = syntheticCloses(200, 3);
    const t0 = 1_700_000_000 - (1_700_000_000 % 3_600);
    const history = { id: 0, name: 'ETH', points: closes.map((price, i) => ({ timestamp: t0 + i * 3_600, price })) };
    const backtest = chainBacktest(
      [history, { id: 1, name: 'BTC', points: [] }],
      [{ lossId: '1', marketId: 0, market: 'ETH', timestamp: t0 + 150 * 3_600 }],
      t0 + 200 * 3_600,
    );
    const payload = backtestPayload(backtest, { source: 'History indexer', state: 'ok', readAt: 1 });
    const parsed = backtestResponse.parse(JSON.parse(JSON.stringify(payload)));
    expect(parsed.backtest?.markets).toHaveLength(2);
    expect(parsed.backtest?.losses[0]?.moves).toHaveLength(2);
    expect(backtestResponse.safeParse({ status: payload.status, backtest: { ...backtest, markets: 1 } }).success).toBe(
      false,
    );
  });
});
