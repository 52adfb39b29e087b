import fs from 'node:fs';
import path from 'node:path';
import { isAddress, type Address } from 'viem';
import { z } from 'zod';

const address = z.custom<Address>((value) => typeof value === 'string' && isAddress(value, { strict: false }), {
  message: 'expected a 0x-prefixed 20-byte address',
});

/** `deployments/<chainId>.json`, as described in docs/interfaces.md. */
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
    /** Index = tranche id: junior, mezzanine, senior. */
    tranches: z.tuple([address, address, address]),
    /** ETH, BTC and SOL at least; more markets may follow. */
    oracles: z.object({ ETH: address, BTC: address, SOL: address }).catchall(address),
  }),
});

export type Deployment = z.infer<typeof deploymentSchema>;

export function parseDeployment(value: unknown, source: string): Deployment {
  const result = deploymentSchema.safeParse(value);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`${source} is not a valid deployment file:\n${problems.join('\n')}`);
  }
  return result.data;
}

export function readDeployment(file: string): Deployment {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new Error(`No deployment file at ${file}. Deploy first (npm run chain, or npm start).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not JSON: ${(error as Error).message}`);
  }
  return parseDeployment(json, file);
}

export function deploymentPath(dir: string, chainId: number): string {
  return path.join(dir, `${chainId}.json`);
}

/**
 * Writes `<dir>/<chainId>.json` through a temporary file and a rename, so a server reading it
 * concurrently never sees half a file. Returns the path written.
 */
export function writeDeployment(dir: string, deployment: Deployment): string {
  const valid = parseDeployment(deployment, 'the deployment to write');
  fs.mkdirSync(dir, { recursive: true });
  const file = deploymentPath(dir, valid.chainId);
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(valid, null, 2)}\n`);
  fs.renameSync(temporary, file);
  return file;
}
