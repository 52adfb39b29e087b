import { describe, expect, it } from 'vitest';
import { parseMarkdown, parseInline, safeHref } from './markdown';

describe('parseMarkdown', () => {
  it('reads headings, paragraphs, lists, bold and code', () => {
    const blocks = parseMarkdown('# Title\n\nSome **bold** and `code`\nwrapped.\n\n- one\n- *two*\n');
    expect(blocks).toEqual([
      { type: 'heading', level: 1, children: [{ type: 'text', text: 'Title' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Some ' },
          { type: 'strong', children: [{ type: 'text', text: 'bold' }] },
          { type: 'text', text: ' and ' },
          { type: 'code', text: 'code' },
          { type: 'text', text: ' wrapped.' },
        ],
      },
      { type: 'list', ordered: false, items: [[{ type: 'text', text: 'one' }], [{ type: 'em', children: [{ type: 'text', text: 'two' }] }]] },
    ]);
  });

  it('keeps raw HTML as text', () => {
    expect(parseMarkdown('<img src=x onerror=alert(1)>')).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: '<img src=x onerror=alert(1)>' }] },
    ]);
  });

  it('links only to safe protocols', () => {
    expect(parseInline('[ok](https://example.org/a)')).toEqual([
      { type: 'link', href: 'https://example.org/a', children: [{ type: 'text', text: 'ok' }] },
    ]);
    expect(parseInline('[bad](javascript:alert(1))')[0]).toMatchObject({ type: 'text' });
    expect(safeHref('data:text/html,hi')).toBeNull();
  });
});
