import { describe, expect, it } from 'vitest';
import { cachedPageRequest, themeCookieHeader } from './cachedPageKey';

const DOCUMENT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

const view = (path: string, theme?: string, headers: Record<string, string> = {}, method = 'GET') =>
  cachedPageRequest(
    method,
    new URL(`http://localhost:3000${path}`),
    new Headers({ accept: DOCUMENT, ...headers }),
    theme,
  );

describe('cachedPageRequest', () => {
  it('keys /health by theme and range', () => {
    expect(view('/health')).toEqual({ key: 'system /health', path: '/health', theme: 'system' });
    expect(view('/health?range=7d', 'dark')).toEqual({
      key: 'dark /health?range=7d',
      path: '/health?range=7d',
      theme: 'dark',
    });
    expect(view('/health', 'tampered')?.theme).toBe('system');
  });

  it('renders for itself anything else', () => {
    expect(view('/')).toBeNull();
    expect(view('/health/x')).toBeNull();
    expect(view('/health?range=1y')).toBeNull();
    expect(view('/health?range=7d&utm=x')).toBeNull();
    expect(view('/health?x=1')).toBeNull();
    expect(view('/health?range=7d&')).toBeNull();
    expect(view('/health?_rsc=abc', undefined, { rsc: '1' })).toBeNull();
    expect(view('/health', undefined, { rsc: '1' })).toBeNull();
    expect(view('/health', undefined, {}, 'HEAD')).toBeNull();
  });

  it('renders for itself a request that does not ask for HTML: a prefetch whose RSC headers Next has stripped', () => {
    expect(view('/health', undefined, { accept: '*/*' })).toBeNull();
    expect(view('/health', undefined, { accept: 'text/x-component' })).toBeNull();
    expect(cachedPageRequest('GET', new URL('http://localhost:3000/health'), new Headers(), undefined)).toBeNull();
    expect(view('/health', undefined, { accept: 'TEXT/HTML' })?.key).toBe('system /health');
  });
});

describe('themeCookieHeader', () => {
  it('sends only an explicit theme', () => {
    expect(themeCookieHeader('system')).toBeNull();
    expect(themeCookieHeader('light')).toBe('backstop-theme=light');
  });
});
