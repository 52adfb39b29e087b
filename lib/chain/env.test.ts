import { describe, expect, it } from 'vitest';
import { LOCAL_CHAIN_ID } from '../protocol/chain';
import { envHelp, envSchema, parseEnv, requireEnv, type BackstopEnv, type Environment } from './env';

function parsed(env: Environment): BackstopEnv {
  const result = parseEnv(envSchema, env);
  if (!result.ok) throw new Error(`expected a valid environment, got ${JSON.stringify(result.problems)}`);
  return result.env;
}

function problemsOf(env: Environment) {
  const result = parseEnv(envSchema, env);
  if (result.ok) throw new Error(`expected problems, got ${JSON.stringify(result.env)}`);
  return result.problems;
}

describe('envSchema: missing variables take their defaults', () => {
  it.each([
    {},
    Object.fromEntries(
      ['BACKSTOP_CHAIN_ID', 'BACKSTOP_RPC_URL', 'BACKSTOP_INDEXER_URL', 'BACKSTOP_REFRESH_SECONDS'].map((v) => [
        v,
        '  ',
      ]),
    ),
  ])('unset or blank (%j)', (env) => {
    expect(parsed(env)).toEqual({
      BACKSTOP_CHAIN_ID: LOCAL_CHAIN_ID,
      BACKSTOP_RPC_URL: ['http://127.0.0.1:8545'],
      BACKSTOP_INDEXER_URL: 'http://127.0.0.1:42069',
      BACKSTOP_REFRESH_SECONDS: 5,
    });
  });
});

describe('envSchema: valid values', () => {
  it('reads each variable', () => {
    expect(
      parsed({
        BACKSTOP_CHAIN_ID: ' 11155111 ',
        BACKSTOP_RPC_URL: 'https://a.example, http://b.example:8545',
        BACKSTOP_DEPLOYMENT: ' deployments/sepolia.json ',
        BACKSTOP_WALLETCONNECT_PROJECT_ID: 'abc123',
        BACKSTOP_EXPLORER_URL: 'https://etherscan.io/',
        BACKSTOP_INDEXER_URL: ' https://indexer.example/api// ',
        BACKSTOP_REFRESH_SECONDS: ' 30 ',
      }),
    ).toEqual({
      BACKSTOP_CHAIN_ID: 11155111,
      BACKSTOP_RPC_URL: ['https://a.example', 'http://b.example:8545'],
      BACKSTOP_DEPLOYMENT: 'deployments/sepolia.json',
      BACKSTOP_WALLETCONNECT_PROJECT_ID: 'abc123',
      BACKSTOP_EXPLORER_URL: 'https://etherscan.io',
      BACKSTOP_INDEXER_URL: 'https://indexer.example/api',
      BACKSTOP_REFRESH_SECONDS: 30,
    });
  });

  it('accepts the refresh interval at both ends of its range', () => {
    expect(parsed({ BACKSTOP_REFRESH_SECONDS: '1' }).BACKSTOP_REFRESH_SECONDS).toBe(1);
    expect(parsed({ BACKSTOP_REFRESH_SECONDS: '3600' }).BACKSTOP_REFRESH_SECONDS).toBe(3600);
  });
});

describe('envSchema: malformed values are refused, never replaced by the default', () => {
  it.each([
    ['BACKSTOP_CHAIN_ID', '0', /positive integer chain id/],
    ['BACKSTOP_CHAIN_ID', '1.5', /positive integer chain id/],
    ['BACKSTOP_CHAIN_ID', '9007199254740993', /too large/],
    ['BACKSTOP_RPC_URL', 'ws://node.example', /http/],
    ['BACKSTOP_RPC_URL', ',,', /at least one URL/],
    ['BACKSTOP_EXPLORER_URL', 'etherscan.io', /http/],
    ['BACKSTOP_INDEXER_URL', 'localhost:42069', /http/],
    ['BACKSTOP_INDEXER_URL', 'ftp://indexer.example', /http/],
    ['BACKSTOP_REFRESH_SECONDS', 'fast', /whole number of seconds/],
    ['BACKSTOP_REFRESH_SECONDS', '0', /whole number of seconds/],
    ['BACKSTOP_REFRESH_SECONDS', '-5', /whole number of seconds/],
    ['BACKSTOP_REFRESH_SECONDS', '2.5', /whole number of seconds/],
    ['BACKSTOP_REFRESH_SECONDS', '3601', /at most 3600/],
  ])('%s=%s', (variable, value, message) => {
    const problems = problemsOf({ [variable]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.variable).toBe(variable);
    expect(problems[0]?.problem).toMatch(message);
    expect(problems[0]?.problem).toContain(JSON.stringify(value));
    expect(problems[0]?.fix).toBe(envHelp[variable as keyof BackstopEnv]);
  });

  it('names every bad variable at once', () => {
    const problems = problemsOf({
      BACKSTOP_INDEXER_URL: 'nope',
      BACKSTOP_REFRESH_SECONDS: 'never',
      BACKSTOP_CHAIN_ID: 'x',
    });
    expect(problems.map((p) => p.variable).sort()).toEqual([
      'BACKSTOP_CHAIN_ID',
      'BACKSTOP_INDEXER_URL',
      'BACKSTOP_REFRESH_SECONDS',
    ]);
  });
});

describe('requireEnv', () => {
  const rpcOnly = envSchema.pick({ BACKSTOP_RPC_URL: true });

  it('returns the parsed part of the schema it is given', () => {
    expect(
      requireEnv(rpcOnly, { BACKSTOP_RPC_URL: 'http://node.example', BACKSTOP_REFRESH_SECONDS: 'ignored here' }),
    ).toEqual({
      BACKSTOP_RPC_URL: ['http://node.example'],
    });
  });

  it('throws with the variable, the value and the fix', () => {
    expect(() => requireEnv(rpcOnly, { BACKSTOP_RPC_URL: 'node.example' })).toThrow(
      /BACKSTOP_RPC_URL: must be an http:\/\/ or https:\/\/ URL \(got "node\.example"\)\. Set it to the node's JSON-RPC URL/,
    );
  });
});
