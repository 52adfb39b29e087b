import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { httpUrl, withoutTrailingSlash } from './env';

/** One extra chain in BACKSTOP_CHAINS (docs/chains.md): where its node is and which deployment file describes it. */
export const chainEntrySchema = z.strictObject({
  chainId: z
    .number({ error: 'must be a positive integer chain id, e.g. 31338' })
    .int({ error: 'must be a positive integer chain id, e.g. 31338' })
    .positive({ error: 'must be a positive integer chain id, e.g. 31338' })
    .max(Number.MAX_SAFE_INTEGER, { error: 'is too large for a chain id' }),
  rpcUrls: z
    .array(z.string().trim().pipe(httpUrl), { error: 'must be a list of http(s) URLs' })
    .min(1, { error: 'must list at least one URL' }),
  /** Relative to the project root; default deployments/<chainId>.json. */
  deployment: z.string().trim().min(1, { error: 'must not be empty' }).optional(),
  name: z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(60, { error: 'must be at most 60 characters' })
    .optional(),
  explorerUrl: httpUrl.transform(withoutTrailingSlash).optional(),
  /** Its own indexer (docs/chains.md): what the tranche history, proposals and position history of its pages read. */
  indexerUrl: httpUrl.transform(withoutTrailingSlash).optional(),
});

export type ChainEntry = z.output<typeof chainEntrySchema>;

/** One thing wrong with the list, named by where it is (e.g. `BACKSTOP_CHAINS[1].rpcUrls[0]`). */
export interface ChainListProblem {
  source: string;
  problem: string;
}

export type ChainListResult = { ok: true; entries: ChainEntry[] } | { ok: false; problems: ChainListProblem[] };

const VARIABLE = 'BACKSTOP_CHAINS';

/**
 * Parses BACKSTOP_CHAINS: a JSON list when the value starts with `[`, else the path of a JSON file holding one
 * (relative to the project root). `defaultChainId` is the chain BACKSTOP_CHAIN_ID names: listing it again is a
 * duplicate, like listing any chain twice. Never throws for bad input.
 */
export function parseChainList(
  value: string | undefined,
  defaultChainId: number,
  projectRoot: string,
): ChainListResult {
  if (value === undefined) return { ok: true, entries: [] };
  const inline = value.startsWith('[');
  const where = inline ? VARIABLE : `${VARIABLE} file ${value}`;
  let text = value;
  if (!inline) {
    try {
      text = readFileSync(path.resolve(projectRoot, value), 'utf8');
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      return fail(
        VARIABLE,
        missing ? `the file ${value} does not exist` : `${value} cannot be read: ${(error as Error).message}`,
      );
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail(where, `is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = z.array(z.unknown(), { error: 'must be a JSON list of chains' }).safeParse(json);
  if (!parsed.success) return fail(where, 'must be a JSON list of chains');

  const entries: ChainEntry[] = [];
  const problems: ChainListProblem[] = [];
  const seen = new Map<number, string>([[defaultChainId, 'the default chain (BACKSTOP_CHAIN_ID)']]);
  parsed.data.forEach((item, index) => {
    const at = `${VARIABLE}[${index}]`;
    const entry = chainEntrySchema.safeParse(item);
    if (!entry.success) {
      for (const issue of entry.error.issues)
        problems.push({ source: at + pathText(issue.path), problem: issue.message });
      return;
    }
    const already = seen.get(entry.data.chainId);
    if (already) {
      problems.push({ source: `${at}.chainId`, problem: `chain ${entry.data.chainId} is already ${already}` });
      return;
    }
    seen.set(entry.data.chainId, `listed at ${at}`);
    entries.push(entry.data);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, entries };
}

/** `["rpcUrls", 0]` → `.rpcUrls[0]`; an unknown key's issue names the keys in its message and has no path. */
function pathText(issuePath: readonly PropertyKey[]): string {
  return issuePath.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
}

function fail(source: string, problem: string): ChainListResult {
  return { ok: false, problems: [{ source, problem }] };
}
