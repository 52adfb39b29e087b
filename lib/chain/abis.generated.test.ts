import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as generated from './abis.generated';

// `npm test` runs forge first, so contracts/out holds the build of the contracts as they are now. The generated file
// is committed (the app builds without forge); this catches it falling behind the Solidity.
const outDir = path.resolve(__dirname, '../../contracts/out');

const contracts = Object.keys(generated).map((exportName) => {
  const name = exportName.replace(/Abi$/, '');
  return { exportName, contract: name.charAt(0).toUpperCase() + name.slice(1) };
});

describe('generated ABIs', () => {
  it('cover every contract the app talks to', () => {
    expect(contracts.map((c) => c.contract).sort()).toEqual(
      [
        'BackstopGovernor',
        'BackstopLens',
        'BackstopModule',
        'BackstopTimelock',
        'BackstopToken',
        'Clearinghouse',
        'LocalYieldVault',
        'MockAggregator',
        'RiskSteward',
        'TestStablecoin',
        'TrancheVault',
      ].sort(),
    );
  });

  it.each(contracts)('$contract matches the forge build (else run `npm run abis`)', ({ exportName, contract }) => {
    const artifact = path.join(outDir, `${contract}.sol`, `${contract}.json`);
    expect(fs.existsSync(artifact), `${artifact} is missing: run forge build in contracts/`).toBe(true);
    const built = JSON.parse(fs.readFileSync(artifact, 'utf8')) as { abi: unknown };
    expect(generated[exportName as keyof typeof generated]).toEqual(built.abi);
  });
});
