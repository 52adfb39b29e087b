import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes } from './inlineScriptHashes';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

describe('inlineScriptHashes', () => {
  it('hashes the exact text of each inline script, skipping external ones', () => {
    const first = 'self.__next_f.push([1,"a\\u003c/script\\u003e"])';
    const second = '\n  (self.__next_s=self.__next_s||[]).push(0)\n';
    const html =
      `<head><script src="/_next/static/chunks/a.js" async=""></script><script>${first}</script></head>` +
      `<body><SCRIPT type="module">${second}</script ></body>`;
    expect(inlineScriptHashes(html)).toEqual([sha256(first), sha256(second)]);
  });

  it('lists a script that appears twice once', () => {
    expect(inlineScriptHashes('<script>x()</script><p></p><script>x()</script>')).toEqual([sha256('x()')]);
  });

  it('finds nothing in a document without inline scripts', () => {
    expect(inlineScriptHashes('<script src="/a.js"></script><p>script</p>')).toEqual([]);
  });
});
