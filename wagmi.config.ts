import { defineConfig, type ContractConfig, type Plugin } from '@wagmi/cli';
import { foundry } from '@wagmi/cli/plugins';

// The app reads only these contracts; everything else in contracts/out (tests, scripts,
// OpenZeppelin internals) stays out of the generated file.
const appContracts = [
  'BackstopLens',
  'BackstopModule',
  'TrancheVault',
  'Clearinghouse',
  'TestStablecoin',
  'BackstopToken',
  'BackstopGovernor',
  'BackstopTimelock',
  'MockAggregator',
  'RiskSteward',
  'LocalYieldVault',
];

const contractsOut = foundry({
  project: 'contracts',
  artifacts: 'out',
  include: appContracts.map((name) => `${name}.sol/${name}.json`),
  // Read the artifacts `forge build` already wrote: running forge from here would need an absolute
  // path to the npm compiler wrapper (contracts/bin/solc), and building belongs to the contracts pipeline.
  forge: { build: false, rebuild: false, clean: false },
});

export default defineConfig({
  out: 'lib/chain/abis.generated.ts',
  plugins: [onePerName(contractsOut)],
});

/**
 * forge keeps artifacts from earlier builds, sometimes under a second path (out/X.sol and out/src/X.sol), and
 * the CLI refuses duplicate names. Identical copies are harmless; different ABIs under one name mean the
 * folder is stale, and guessing which is current would generate the wrong types.
 */
function onePerName(plugin: Plugin & Required<Pick<Plugin, 'contracts'>>): Plugin {
  return {
    ...plugin,
    async contracts() {
      const byName = new Map<string, ContractConfig>();
      for (const contract of await plugin.contracts()) {
        const seen = byName.get(contract.name);
        if (!seen) byName.set(contract.name, contract);
        else if (JSON.stringify(seen.abi) !== JSON.stringify(contract.abi)) {
          throw new Error(
            `contracts/out holds two different ABIs for ${contract.name}: the folder is stale. ` +
              'Run `forge clean && forge build` in contracts/, then generate again.',
          );
        }
      }
      const missing = appContracts.filter((name) => !byName.has(name));
      if (missing.length > 0) {
        throw new Error(
          `contracts/out has no artifact for ${missing.join(', ')}: run \`forge build\` in contracts/ first.`,
        );
      }
      return [...byName.values()];
    },
  };
}
