import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { NO_INDEXER } from './indexerUrl';

const addr = (n: number) => `0x${n.toString(16).padStart(40, '0')}`;

function deployment(chainId = 31337) {
  return {
    chainId,
    deployBlock: 1,
    contracts: {
      asset: addr(1),
      module: addr(2),
      clearinghouse: addr(3),
      lens: addr(4),
      governanceToken: addr(5),
      governor: addr(6),
      timelock: addr(7),
      tranches: [addr(8), addr(9), addr(10)],
      oracles: { ETH: addr(11), BTC: addr(12), SOL: addr(13) },
    },
  };
}

let root: string;

function writeDeployment(relative: string, content: unknown) {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'backstop-config-'));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('loadConfig', () => {
  it('uses the defaults and deployments/31337.json', () => {
    writeDeployment('deployments/31337.json', deployment());
    const result = loadConfig({}, root);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.deploymentPath).toBe(path.join(root, 'deployments/31337.json'));
    expect(result.config).toMatchObject({
      chainId: 31337,
      chainName: 'Anvil (local)',
      rpcUrls: ['http://127.0.0.1:8545'],
      explorerUrl: null,
      walletConnectProjectId: null,
      deployBlock: 1,
    });
    expect(result.config.contracts.lens).toBe('0x0000000000000000000000000000000000000004');
    expect(result.config.contracts.tranches).toHaveLength(3);
  });

  it('gives the default chain every other chain whole, and each chain its indexer (none unless its entry names one)', () => {
    writeDeployment('deployments/31337.json', deployment());
    writeDeployment('deployments/31338.json', deployment(31338));
    writeDeployment('deployments/31339.json', deployment(31339));
    const result = loadConfig(
      {
        BACKSTOP_INDEXER_URL: 'http://127.0.0.1:42069',
        BACKSTOP_CHAINS: JSON.stringify([
          { chainId: 31338, rpcUrls: ['http://127.0.0.1:8546'], indexerUrl: 'http://127.0.0.1:42070/' },
          { chainId: 31339, rpcUrls: ['http://127.0.0.1:8547'] },
        ]),
      },
      root,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.otherChains?.map((c) => [c.chainId, c.rpcUrls])).toEqual([
      [31338, ['http://127.0.0.1:8546']],
      [31339, ['http://127.0.0.1:8547']],
    ]);
    expect(result.chains.map((c) => c.chainId)).toEqual([31337, 31338, 31339]);
    expect(result.indexerUrls).toEqual({
      31337: 'http://127.0.0.1:42069',
      31338: 'http://127.0.0.1:42070',
      31339: NO_INDEXER,
    });
  });

  it('splits a comma-separated RPC list and trims the explorer URL', () => {
    writeDeployment('deployments/31337.json', deployment());
    const result = loadConfig(
      {
        BACKSTOP_RPC_URL: 'http://a.example:8545, https://b.example/rpc',
        BACKSTOP_EXPLORER_URL: 'https://explorer.example/',
        BACKSTOP_WALLETCONNECT_PROJECT_ID: 'abc123',
      },
      root,
    );
    expect(result.ok && result.config.rpcUrls).toEqual(['http://a.example:8545', 'https://b.example/rpc']);
    expect(result.ok && result.config.explorerUrl).toBe('https://explorer.example');
    expect(result.ok && result.config.walletConnectProjectId).toBe('abc123');
  });

  it("takes a known chain's explorer from viem's list unless one is configured", () => {
    writeDeployment('deployments/8453.json', deployment(8453));
    const base = loadConfig({ BACKSTOP_CHAIN_ID: '8453' }, root);
    expect(base.ok && base.config.chainName).toBe('Base');
    expect(base.ok && base.config.explorerUrl).toBe('https://basescan.org');
    const own = loadConfig({ BACKSTOP_CHAIN_ID: '8453', BACKSTOP_EXPLORER_URL: 'https://explorer.example' }, root);
    expect(own.ok && own.config.explorerUrl).toBe('https://explorer.example');
  });

  it('names the deployment file when it is missing and says how to create it', () => {
    const result = loadConfig({}, root);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({
      source: path.join(root, 'deployments/31337.json'),
      problem: 'the deployment file does not exist',
    });
    expect(result.problems[0]?.fix).toMatch(/BACKSTOP_DEPLOYMENT/);
  });

  it('reads the file named by BACKSTOP_DEPLOYMENT relative to the project root', () => {
    writeDeployment('elsewhere/sepolia.json', deployment(11155111));
    const result = loadConfig({ BACKSTOP_CHAIN_ID: '11155111', BACKSTOP_DEPLOYMENT: 'elsewhere/sepolia.json' }, root);
    expect(result.ok).toBe(true);
    expect(result.ok && result.config.chainName).toBe('Sepolia');
  });

  it('rejects a chain id that is not a positive integer, quoting the value', () => {
    const result = loadConfig({ BACKSTOP_CHAIN_ID: 'mainnet' }, root);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.source).toBe('BACKSTOP_CHAIN_ID');
    expect(result.problems[0]?.problem).toContain('"mainnet"');
  });

  it('rejects RPC URLs that are not http(s)', () => {
    const result = loadConfig({ BACKSTOP_RPC_URL: 'http://ok.example,ws://node.example' }, root);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.source)).toEqual(['BACKSTOP_RPC_URL']);
    expect(result.problems[0]?.problem).toMatch(/http/);
  });

  it.each([
    ['BACKSTOP_INDEXER_URL', '127.0.0.1:42069'],
    ['BACKSTOP_REFRESH_SECONDS', 'soon'],
  ])('reports a bad %s as a configuration problem, with its value and fix', (variable, value) => {
    writeDeployment('deployments/31337.json', deployment());
    const result = loadConfig({ [variable]: value }, root);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.source)).toEqual([variable]);
    expect(result.problems[0]?.problem).toContain(JSON.stringify(value));
    expect(result.problems[0]?.fix).toMatch(/^Set it to/);
  });

  it('rejects a deployment for another chain', () => {
    writeDeployment('deployments/31337.json', deployment(1));
    const result = loadConfig({}, root);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]?.problem).toBe('the deployment is for chain 1 but BACKSTOP_CHAIN_ID is 31337');
  });

  it('names the field of a malformed deployment file', () => {
    const broken = deployment();
    broken.contracts.lens = '0x1234';
    writeDeployment('deployments/31337.json', broken);
    const result = loadConfig({}, root);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.problem)).toEqual(['contracts.lens: expected a 0x-prefixed 20-byte address']);
  });

  it('reports a file that is not JSON', () => {
    writeDeployment('deployments/31337.json', '{ "chainId": ');
    const result = loadConfig({}, root);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]?.problem).toMatch(/not valid JSON/);
  });

  it('treats empty variables as unset', () => {
    writeDeployment('deployments/31337.json', deployment());
    const result = loadConfig({ BACKSTOP_CHAIN_ID: '', BACKSTOP_RPC_URL: ' ', BACKSTOP_EXPLORER_URL: '' }, root);
    expect(result.ok && result.config.chainId).toBe(31337);
    expect(result.ok && result.config.rpcUrls).toEqual(['http://127.0.0.1:8545']);
  });
});
