import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { INDEXER_ENDPOINTS } from './endpoints';
import { schemaFields, type FieldRow } from './schemaFields';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** The field tables of docs/interfaces.md's "Indexer HTTP API" section, by route (the heading without its query). */
function documentedEndpoints(markdown: string): Map<string, FieldRow[]> {
  const section = markdown.split(/^## /m).find((part) => part.startsWith('Indexer HTTP API'));
  if (!section) throw new Error('docs/interfaces.md has no "## Indexer HTTP API" section');
  const endpoints = new Map<string, FieldRow[]>();
  for (const part of section.split(/^### /m).slice(1)) {
    const heading = /^`GET ([^`?]+)[^`]*`/.exec(part);
    if (!heading) continue;
    const rows = part
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) => {
        const [field = '', type = ''] = line.split(' | ');
        return { field: field.replace(/^\| `|`$/g, ''), type: type.trim() };
      });
    endpoints.set(heading[1]!, rows);
  }
  return endpoints;
}

/** The GET routes the Ponder app mounts: `app.route(prefix, router)` in index.ts, `.get(path` in each router's file. */
function servedRoutes(): string[] {
  const index = read('indexer/src/api/index.ts');
  const files = new Map([...index.matchAll(/import \{ (\w+) \} from '\.\/routes\/(\w+)'/g)].map((m) => [m[1], m[2]]));
  return [...index.matchAll(/app\.route\('([^']+)', (\w+)\)/g)].flatMap(([, prefix, router]) => {
    const source = read(`indexer/src/api/routes/${files.get(router!)}.ts`);
    return [...source.matchAll(/\.get\('([^']+)'/g)].map(([, path]) => (path === '/' ? prefix! : prefix! + path));
  });
}

function markdownTable(rows: FieldRow[]): string {
  return rows.map((r) => `| \`${r.field}\` | ${r.type} | |`).join('\n');
}

describe('the indexer HTTP API is declared once', () => {
  it('the Ponder app serves exactly the routes that have a schema', () => {
    expect(servedRoutes().sort()).toEqual(INDEXER_ENDPOINTS.map((e) => e.route).sort());
  });

  it('docs/interfaces.md documents exactly those routes', () => {
    expect([...documentedEndpoints(read('docs/interfaces.md')).keys()].sort()).toEqual(
      INDEXER_ENDPOINTS.map((e) => e.route).sort(),
    );
  });

  it.each(INDEXER_ENDPOINTS.map((e) => [e.route, e.response] as const))(
    "docs/interfaces.md's table for %s matches its schema",
    (route, response) => {
      const expected = schemaFields(response);
      const documented = documentedEndpoints(read('docs/interfaces.md')).get(route);
      expect(
        documented,
        `docs/interfaces.md, GET ${route}: the table should read\n${markdownTable(expected)}\n`,
      ).toEqual(expected);
    },
  );
});

describe('the docs check catches drift', () => {
  const docs = `## Indexer HTTP API\n\n### \`GET /api/x?from=<unix>\`\n\n| Field | Type | Meaning |\n| --- | --- | --- |\n| \`xs\` | object[] | |\n| \`xs[].n\` | integer string | a count |\n\n## Next\n`;
  const schema = z.object({ xs: z.array(z.object({ n: z.string().meta({ wire: 'integer string' }) })) });

  it('reads a table under its route, without the query', () => {
    expect(documentedEndpoints(docs)).toEqual(new Map([['/api/x', schemaFields(schema)]]));
  });

  it('sees a renamed field, a changed type and a missing field', () => {
    const renamed = z.object({ xs: z.array(z.object({ count: z.string().meta({ wire: 'integer string' }) })) });
    const retyped = z.object({ xs: z.array(z.object({ n: z.number() })) });
    const grown = z.object({
      xs: z.array(z.object({ n: z.string().meta({ wire: 'integer string' }), m: z.boolean() })),
    });
    const documented = documentedEndpoints(docs).get('/api/x');
    for (const changed of [renamed, retyped, grown]) expect(documented).not.toEqual(schemaFields(changed));
  });
});
