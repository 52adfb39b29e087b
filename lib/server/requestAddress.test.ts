import { describe, expect, it } from 'vitest';
import { requestHost, servedOverHttps } from './requestAddress';

const request = (protocol: string, headers: Record<string, string>) => ({
  nextUrl: { protocol },
  headers: new Headers(headers),
});

describe('servedOverHttps', () => {
  it('is true over https, or behind a proxy that says the browser used https', () => {
    expect(servedOverHttps(request('https:', {}))).toBe(true);
    expect(servedOverHttps(request('http:', { 'x-forwarded-proto': 'https' }))).toBe(true);
    expect(servedOverHttps(request('http:', { 'x-forwarded-proto': 'http' }))).toBe(false);
    expect(servedOverHttps(request('http:', {}))).toBe(false);
  });
});

describe('requestHost', () => {
  it('prefers the first X-Forwarded-Host entry, else the Host header', () => {
    expect(requestHost(request('http:', { host: '127.0.0.1:3000' }))).toBe('127.0.0.1:3000');
    expect(
      requestHost(request('http:', { host: 'app:3000', 'x-forwarded-host': 'backstop.example, edge.internal' })),
    ).toBe('backstop.example');
    expect(requestHost(request('http:', { host: 'app:3000', 'x-forwarded-host': ' ' }))).toBe('app:3000');
    expect(requestHost(request('http:', {}))).toBeNull();
  });
});
