import fs from 'node:fs';
import path from 'node:path';
import { parseDeployment as validateDeployment, type Deployment } from '../../lib/chain/deployment';

export type { Deployment };

export function parseDeployment(value: unknown, source: string): Deployment {
  const result = validateDeployment(value);
  if (!result.ok) {
    throw new Error(`${source} is not a valid deployment file:\n${result.problems.map((p) => `  ${p}`).join('\n')}`);
  }
  return result.deployment;
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
