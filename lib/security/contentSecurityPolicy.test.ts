import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, type CspInputs } from './contentSecurityPolicy';

const NONCE = 'AAECAwQFBgcICQoLDA0ODxAR';
const base: CspInputs = {
  scripts: { nonce: NONCE },
  rpcUrls: ['http://127.0.0.1:8545', 'https://eth.example.org/v2/secret-key'],
  walletConnect: false,
  development: false,
  https: false,
};

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('contentSecurityPolicy', () => {
  it('lets scripts run only with the nonce, and never eval in production', () => {
    const script = directives(contentSecurityPolicy(base)).get('script-src');
    expect(script).toContain(`'nonce-${NONCE}'`);
    expect(script).toContain("'strict-dynamic'");
    expect(script).not.toContain("'unsafe-eval'");
    expect(script).not.toContain("'unsafe-inline'");
  });

  it('lets a cached page run only its own inline scripts (by hash) and same-origin chunks', () => {
    const hash = 'n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=';
    const script = directives(contentSecurityPolicy({ ...base, scripts: { inlineHashes: [hash] } })).get('script-src');
    expect(script).toEqual(["'self'", `'sha256-${hash}'`]);
  });

  it('refuses a script hash that could smuggle another source', () => {
    expect(() => contentSecurityPolicy({ ...base, scripts: { inlineHashes: ["x' 'unsafe-inline"] } })).toThrow(/hash/);
  });

  it('allows eval only for next dev', () => {
    expect(directives(contentSecurityPolicy({ ...base, development: true })).get('script-src')).toContain(
      "'unsafe-eval'",
    );
  });

  it('forbids framing, plugins and foreign form targets', () => {
    const d = directives(contentSecurityPolicy(base));
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'self'"]);
    expect(d.get('base-uri')).toEqual(["'self'"]);
    expect(d.get('frame-src')).toEqual(["'none'"]);
  });

  it('connects only to itself and the RPC origins, without their paths (keys stay out of the header)', () => {
    const policy = contentSecurityPolicy(base);
    expect(directives(policy).get('connect-src')).toEqual([
      "'self'",
      'http://127.0.0.1:8545',
      'https://eth.example.org',
    ]);
    expect(policy).not.toContain('secret-key');
  });

  it('adds WalletConnect endpoints only when a project id is configured', () => {
    expect(contentSecurityPolicy(base)).not.toContain('walletconnect');
    const d = directives(contentSecurityPolicy({ ...base, walletConnect: true }));
    expect(d.get('connect-src')).toContain('wss://relay.walletconnect.org');
    expect(d.get('frame-src')).toContain('https://verify.walletconnect.org');
  });

  it('upgrades insecure requests only when served over https', () => {
    expect(contentSecurityPolicy(base)).not.toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy({ ...base, https: true })).toContain('upgrade-insecure-requests');
  });

  it('ignores RPC entries that are not http(s) or ws(s) URLs', () => {
    const d = directives(contentSecurityPolicy({ ...base, rpcUrls: ['javascript:alert(1)', 'not a url'] }));
    expect(d.get('connect-src')).toEqual(["'self'"]);
  });

  it('rejects a guessable or malformed nonce', () => {
    expect(() => contentSecurityPolicy({ ...base, scripts: { nonce: 'abc' } })).toThrow(/nonce/);
    expect(() => contentSecurityPolicy({ ...base, scripts: { nonce: "x' 'unsafe-inline" + 'A'.repeat(20) } })).toThrow(
      /nonce/,
    );
  });
});
