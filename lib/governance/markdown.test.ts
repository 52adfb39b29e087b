import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from '@/components/governance/Markdown';
import { MARKDOWN_RENDER_LIMIT, parseMarkdown, reachesNestingLimit, safeHref, splitForRendering } from './markdown';

const html = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

describe('Markdown', () => {
  it('renders headings one level below the page title, paragraphs, lists, emphasis, code and tables', () => {
    const out = html(
      '# Title\n\nSome **bold** and `code`\nwrapped.\n\n- one\n- *two*\n\n1. first\n\n> quoted\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n```\nx < y\n```\n',
    );
    expect(out).toContain('<h2 class="text-xl font-semibold text-slate-100">Title</h2>');
    expect(out).toContain(
      '<p>Some <strong class="font-semibold text-slate-100">bold</strong> and <code class="rounded bg-slate-800 px-1 font-mono text-sm">code</code>\nwrapped.</p>',
    );
    expect(out).toContain('<ul class="list-disc space-y-1 pl-6"><li>one</li><li><em>two</em></li></ul>');
    expect(out).toContain('<ol class="list-decimal space-y-1 pl-6" start="1"><li>first</li></ol>');
    expect(out).toContain(
      '<blockquote class="border-l-2 border-slate-700 pl-3 text-slate-400"><p>quoted</p></blockquote>',
    );
    expect(out).toContain('<td class="border border-slate-700 px-2 py-1 text-right">2</td>');
    expect(out).toContain('>x &lt; y</pre>');
  });

  it('shows raw HTML as text, never as markup', () => {
    const out = html('<img src=x onerror=alert(1)>\n\n<script>alert(1)</script>');
    expect(out).not.toMatch(/<img|<script/);
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('links only to http(s) and mailto, opening a new tab without referrer', () => {
    const out = html(
      '[ok](https://example.org/a) [mail](mailto:a@b.c) [bad](javascript:alert(1)) [rel](/governance) [data](data:text/html,hi)',
    );
    expect(out).toContain(
      '<a href="https://example.org/a" rel="noopener noreferrer nofollow" target="_blank" class="text-amber-200 underline">ok</a>',
    );
    expect(out).toContain('href="mailto:a@b.c"');
    expect(out.match(/<a /g)).toHaveLength(2);
    expect(out).toContain('[bad](javascript:alert(1))');
    expect(out).toContain('[rel](/governance)');
    expect(safeHref('data:text/html,hi')).toBeNull();
    expect(safeHref('HTTPS://Example.org')).toBe('https://example.org/');
  });

  it('never loads an image: it becomes a link named by its text', () => {
    const out = html('![chart](https://example.org/pixel.png) ![x](javascript:alert(1))');
    expect(out).not.toContain('<img');
    expect(out).toContain(
      '<a href="https://example.org/pixel.png" rel="noopener noreferrer nofollow" target="_blank" class="text-amber-200 underline">Image: chart</a>',
    );
    expect(out).toContain('![x](javascript:alert(1))');
  });

  it('formats up to the limit and offers the rest as plain text with a note', () => {
    const paragraph = `${'word '.repeat(199)}end\n\n`;
    const source = paragraph.repeat(Math.ceil((MARKDOWN_RENDER_LIMIT * 2) / paragraph.length));
    const { formatted, rest } = splitForRendering(source);
    expect(formatted.length).toBeLessThanOrEqual(MARKDOWN_RENDER_LIMIT);
    expect(formatted.length).toBeGreaterThan(MARKDOWN_RENDER_LIMIT - paragraph.length);
    expect(formatted.endsWith('end'), 'cut at a paragraph break').toBe(true);
    expect(formatted + rest).toBe(source);

    const out = html(source);
    expect(out).toContain(`This description is ${source.length.toLocaleString('en-US')} characters long`);
    expect(out).toContain('Show the rest as plain text');
    expect(out.match(/<p>/g)?.length, 'only the formatted part is paragraphs').toBe(formatted.split('\n\n').length);
  });

  it('cuts a text without line breaks at the limit, never inside a surrogate pair', () => {
    const source = `${'a'.repeat(MARKDOWN_RENDER_LIMIT - 1)}😀${'b'.repeat(10)}`;
    const { formatted, rest } = splitForRendering(source);
    expect(formatted).toBe('a'.repeat(MARKDOWN_RENDER_LIMIT - 1));
    expect(rest.startsWith('😀')).toBe(true);
    expect(splitForRendering('short')).toEqual({ formatted: 'short', rest: '' });
  });

  it('says so and shows the whole text when nesting is too deep to format', () => {
    const source = `${'> '.repeat(40)}hidden words\n\nafter`;
    expect(reachesNestingLimit(parseMarkdown(source))).toBe(true);
    expect(reachesNestingLimit(parseMarkdown('> a\n> > b\n\n- x\n  - y'))).toBe(false);
    const out = html(source);
    expect(out).toContain('nested too deeply to format');
    expect(out).toContain('hidden words');
  });
});
