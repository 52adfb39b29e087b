import { envSchema, requireEnv, type Environment } from './env';

const healthEnvSchema = envSchema.pick({ BACKSTOP_REFRESH_SECONDS: true, BACKSTOP_INDEXER_URL: true });

export interface HealthSettings {
  /** How often the server reads the chain and the indexer at most, whatever the traffic. */
  refreshSeconds: number;
  indexerUrl: string;
}

/**
 * Server-side settings of the public health page. A bad value throws: getConfig() (lib/chain/config.ts) refuses the
 * same values with the same schema, so the configuration error page shows it before any page or route gets here.
 */
export function healthSettings(env: Environment = process.env): HealthSettings {
  const parsed = requireEnv(healthEnvSchema, env);
  return { refreshSeconds: parsed.BACKSTOP_REFRESH_SECONDS, indexerUrl: parsed.BACKSTOP_INDEXER_URL };
}
