import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseChainList } from './chainList';
import { loadConfig } from './config';

const addr = (n: number) => `0x${n.toString(16).padStart(40, '0')}`;

function deployment(chainId: number, lens = 4) {
  return {
    chainId,
    deployBlock: 7,
    contracts: {
      asset: addr(1),
      module: addr(2),
      clearinghouse: addr(3),
      lens: addr(lens),
      governanceToken: addr(5),
      governor: addr(6),
      timelock: addr(7),
      tranches: [addr(8), addr(9), addr(10)],
      oracles: { ETH: addr(11), BTC: addr(12), SOL: addr(13) },
    },
  };
}

let root: string;

function write(relative: string, content: unknown) {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'backstop-chains-'));
  write('deployments/31337.json', deployment(31337));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('parseChainList', () => {
  it('is empty when the variable is unset', () => {
    expect(parseChainList(undefined, 31337, root)).toEqual({ ok: true, entries: [] });
  });

  it('names each bad entry and field by its place in the list', () => {
    const result = parseChainList(
      JSON.stringify([
        { chainId: 31338, rpcUrls: ['http://127.0.0.1:8546'] },
        { chainId: -2, rpcUrls: ['ftp://node'] },
        { chainId: 10, rpcUrls: [], colour: 'red' },
      ]),
      31337,
      root,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.source)).toEqual([
      'BACKSTOP_CHAINS[1].chainId',
      'BACKSTOP_CHAINS[1].rpcUrls[0]',
      'BACKSTOP_CHAINS[2].rpcUrls',
      'BACKSTOP_CHAINS[2]',
    ]);
    expect(result.problems[0]?.problem).toMatch(/positive integer chain id/);
    expect(result.problems[1]?.problem).toMatch(/http:\/\/ or https:\/\//);
    expect(result.problems[2]?.problem).toMatch(/at least one URL/);
    expect(result.problems[3]?.problem).toMatch(/colour/);
  });

  it('refuses a chain listed twice, or the default chain listed again', () => {
    const twice = parseChainList(
      JSON.stringify([
        { chainId: 31338, rpcUrls: ['http://a:1'] },
        { chainId: 31338, rpcUrls: ['http://b:1'] },
        { chainId: 31337, rpcUrls: ['http://c:1'] },
      ]),
      31337,
      root,
    );
    expect(twice).toEqual({
      ok: false,
      problems: [
        { source: 'BACKSTOP_CHAINS[1].chainId', problem: 'chain 31338 is already listed at BACKSTOP_CHAINS[0]' },
        {
          source: 'BACKSTOP_CHAINS[2].chainId',
          problem: 'chain 31337 is already the default chain (BACKSTOP_CHAIN_ID)',
        },
      ],
    });
  });

  it('says when the value is not a JSON list, or its file is missing', () => {
    const notJson = parseChainList('[{chainId: 1}]', 31337, root);
    expect(notJson.ok || notJson.problems[0]).toMatchObject({ source: 'BACKSTOP_CHAINS', problem: /not valid JSON/ });
    const notList = parseChainList('chains.json', 31337, root);
    expect(notList.ok || notList.problems[0]).toMatchObject({ problem: 'the file chains.json does not exist' });
    write('chains.json', '{"chainId": 31338}');
    const object = parseChainList('chains.json', 31337, root);
    expect(object.ok || object.problems[0]).toMatchObject({
      source: 'BACKSTOP_CHAINS file chains.json',
      problem: 'must be a JSON list of chains',
    });
  });
});

describe('loadConfig with BACKSTOP_CHAINS', () => {
  it('keeps one chain, the default, without the variable', () => {
    const result = loadConfig({}, root);
    expect(result.ok && result.chains.map((c) => c.chainId)).toEqual([31337]);
  });

  it('adds each listed chain after the default, with its own deployment, RPC, name and explorer', () => {
    write('deployments/31338.json', deployment(31338, 40));
    write('elsewhere/base.json', deployment(8453, 41));
    write(
      'chains.json',
      JSON.stringify([
        { chainId: 31338, rpcUrls: ['http://127.0.0.1:8546'], name: 'Anvil 2' },
        { chainId: 8453, rpcUrls: ['https://base.example/rpc/'], deployment: 'elsewhere/base.json' },
      ]),
    );
    const result = loadConfig({ BACKSTOP_CHAINS: 'chains.json' }, root);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.chainId).toBe(31337);
    expect(result.chains[0]).toBe(result.config);
    expect(result.chains.slice(1)).toMatchObject([
      { chainId: 31338, chainName: 'Anvil 2', rpcUrls: ['http://127.0.0.1:8546'], explorerUrl: null, deployBlock: 7 },
      { chainId: 8453, chainName: 'Base', explorerUrl: 'https://basescan.org' },
    ]);
    expect(result.chains.map((c) => c.contracts.lens)).toEqual([addr(4), addr(40), addr(41)]);
  });

  it('refuses a deployment file made for another chain than its entry says', () => {
    const file = write('deployments/31338.json', deployment(31339));
    const result = loadConfig({ BACKSTOP_CHAINS: '[{"chainId":31338,"rpcUrls":["http://127.0.0.1:8546"]}]' }, root);
    expect(result).toMatchObject({
      ok: false,
      problems: [
        { source: file, problem: 'the deployment is for chain 31339 but its BACKSTOP_CHAINS entry says chain 31338' },
      ],
    });
  });

  it("names a listed chain's missing deployment file", () => {
    const result = loadConfig({ BACKSTOP_CHAINS: '[{"chainId":31338,"rpcUrls":["http://127.0.0.1:8546"]}]' }, root);
    expect(result).toMatchObject({
      ok: false,
      problems: [{ source: path.join(root, 'deployments/31338.json'), problem: 'the deployment file does not exist' }],
    });
  });
});
