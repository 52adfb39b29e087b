import { z } from 'zod';

export const DEFAULT_REFRESH_SECONDS = 5;
export const DEFAULT_INDEXER_URL = 'http://127.0.0.1:42069';

const schema = z.object({
  BACKSTOP_REFRESH_SECONDS: z.coerce.number().int().min(1).max(3600).catch(DEFAULT_REFRESH_SECONDS),
  BACKSTOP_INDEXER_URL: z
    .url({ protocol: /^https?$/ })
    .transform((url) => url.replace(/\/+$/, ''))
    .catch(DEFAULT_INDEXER_URL),
});

export interface HealthSettings {
  /** How often the server reads the chain and the indexer at most, whatever the traffic. */
  refreshSeconds: number;
  indexerUrl: string;
}

/** Server-side settings of the public health page; a bad value falls back to its default rather than failing the page. */
export function healthSettings(env: Readonly<Record<string, string | undefined>> = process.env): HealthSettings {
  const clean = (v: string | undefined) => (v === undefined || v.trim() === '' ? undefined : v.trim());
  const parsed = schema.parse({
    BACKSTOP_REFRESH_SECONDS: clean(env.BACKSTOP_REFRESH_SECONDS),
    BACKSTOP_INDEXER_URL: clean(env.BACKSTOP_INDEXER_URL),
  });
  return { refreshSeconds: parsed.BACKSTOP_REFRESH_SECONDS, indexerUrl: parsed.BACKSTOP_INDEXER_URL };
}
