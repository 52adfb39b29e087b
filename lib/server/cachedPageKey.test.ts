import { describe, expect, it } from 'vitest';
import { cachedPageRequest, themeCookieHeader } from './cachedPageKey';

const view = (path: string, theme?: string, headers: Record<string, string> = {}, method = 'GET') =>
  cachedPageRequest(method, new URL(`http://localhost:3000${path}`), new Headers(headers), theme);

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
});

describe('themeCookieHeader', () => {
  it('sends only an explicit theme', () => {
    expect(themeCookieHeader('system')).toBeNull();
    expect(themeCookieHeader('light')).toBe('backstop-theme=light');
  });
});
