import { getAddress, isAddress, type Address } from 'viem';
import { z } from 'zod';
import type { DeployedContracts } from './publicConfig';

const address = z
  .string()
  .refine((value) => isAddress(value, { strict: false }), { error: 'expected a 0x-prefixed 20-byte address' })
  .transform((value): Address => getAddress(value));

/** `deployments/<chainId>.json`, as described in docs/interfaces.md; the scripts validate with the same schema. */
export const deploymentSchema = z.object({
  chainId: z.number().int().positive(),
  deployBlock: z.number().int().nonnegative(),
  contracts: z.object({
    asset: address,
    module: address,
    clearinghouse: address,
    lens: address,
    governanceToken: address,
    governor: address,
    timelock: address,
    /** RiskSteward.sol; absent from deployments made before it existed. */
    riskSteward: address.optional(),
    /** LocalYieldVault.sol, the local chain's strategy for the tranches; absent elsewhere and before it existed. */
    yieldVault: address.optional(),
    /** Index = tranche id: junior, mezzanine, senior. */
    tranches: z.tuple([address, address, address], { error: 'expected 3 tranche vaults (junior, mezzanine, senior)' }),
    /** ETH, BTC and SOL at least; more markets may follow. */
    oracles: z.object({ ETH: address, BTC: address, SOL: address }).catchall(address),
    /**
     * Covered protocols after protocol 0 (`clearinghouse`), in id order; absent from deployments made before them.
     * `markets` names each market of the clearinghouse by its `oracles` key, index = market id.
     */
    protocols: z
      .array(
        z.object({
          id: z.number().int().positive(),
          clearinghouse: address,
          markets: z.array(z.string().min(1).max(32)),
        }),
      )
      .optional(),
  }),
});

export interface Deployment {
  chainId: number;
  deployBlock: number;
  contracts: DeployedContracts;
}

export type DeploymentParseResult = { ok: true; deployment: Deployment } | { ok: false; problems: string[] };

/** Validates the parsed JSON of a deployment file; problems name the offending field, e.g. "contracts.lens: …". */
export function parseDeployment(json: unknown): DeploymentParseResult {
  const result = deploymentSchema.safeParse(json);
  if (result.success) return { ok: true, deployment: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const field = issue.path.length > 0 ? issue.path.join('.') : '(file)';
      return `${field}: ${issue.message}`;
    }),
  };
}
