import { createElement, type ReactNode } from 'react';
import {
  MARKDOWN_RENDER_LIMIT,
  parseMarkdown,
  reachesNestingLimit,
  safeHref,
  splitForRendering,
  type Token,
} from '@/lib/governance/markdown';

/**
 * A proposal description as safe Markdown: markdown-it's tokens turned into React elements (never an HTML string),
 * on the server only: the proposal page passes the result to its client component, so no route ships the parser.
 */

const HEADING: Record<string, { tag: string; className: string }> = {
  h1: { tag: 'h2', className: 'text-xl font-semibold text-slate-100' },
  h2: { tag: 'h3', className: 'text-lg font-semibold text-slate-100' },
  h3: { tag: 'h4', className: 'text-base font-semibold text-slate-100' },
  h4: { tag: 'h5', className: 'text-base font-semibold text-slate-100' },
  h5: { tag: 'h6', className: 'text-base font-semibold text-slate-100' },
  h6: { tag: 'h6', className: 'text-base font-semibold text-slate-100' },
};

const CLASS: Record<string, string> = {
  ul: 'list-disc space-y-1 pl-6',
  ol: 'list-decimal space-y-1 pl-6',
  blockquote: 'border-l-2 border-slate-700 pl-3 text-slate-400',
  strong: 'font-semibold text-slate-100',
  table: 'block overflow-x-auto text-sm',
  th: 'border border-slate-700 px-2 py-1 text-left',
  td: 'border border-slate-700 px-2 py-1',
  hr: 'border-slate-700',
};

const CODE_BLOCK =
  'overflow-x-auto rounded bg-slate-950 p-3 font-mono text-sm focus-visible:outline-2 focus-visible:outline-amber-400';
const LINK = 'text-amber-200 underline';
const ALIGN: Record<string, string> = { left: 'text-left', right: 'text-right', center: 'text-center' };
const ALLOWED = new Set([
  'p',
  'ul',
  'ol',
  'li',
  'blockquote',
  'strong',
  'em',
  's',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
]);

interface Frame {
  /** Null for a tight list's hidden paragraph: its children go straight into the list item. */
  type: string | null;
  props: Record<string, unknown>;
  children: ReactNode[];
}

/** Appends a node; adjacent text is joined (hostile text can be thousands of one-character tokens). */
function append(children: ReactNode[], node: ReactNode) {
  const last = children.length - 1;
  if (typeof node === 'string' && typeof children[last] === 'string') children[last] += node;
  else children.push(node);
}

function attr(token: Token, name: string): string | null {
  const found = token.attrs?.find(([key]) => key === name);
  return found ? String(found[1]) : null;
}

/** What an opening token becomes: an element type and its props, or a fragment for anything not allowed. */
function opening(token: Token): Pick<Frame, 'type' | 'props'> {
  const heading = HEADING[token.tag];
  if (token.type === 'heading_open' && heading) return { type: heading.tag, props: { className: heading.className } };
  if (token.type === 'link_open') {
    const href = safeHref(attr(token, 'href') ?? '');
    return href
      ? { type: 'a', props: { href, rel: 'noopener noreferrer nofollow', target: '_blank', className: LINK } }
      : { type: 'span', props: {} };
  }
  if (token.type === 'ordered_list_open') {
    const start = Number(attr(token, 'start') ?? 1);
    return { type: 'ol', props: { className: CLASS.ol, start: Number.isSafeInteger(start) ? start : 1 } };
  }
  if (token.type === 'th_open' || token.type === 'td_open') {
    const align = /text-align:(left|right|center)/.exec(attr(token, 'style') ?? '')?.[1];
    return { type: token.tag, props: { className: `${CLASS[token.tag]}${align ? ` ${ALIGN[align]}` : ''}` } };
  }
  if (ALLOWED.has(token.tag))
    return { type: token.tag, props: CLASS[token.tag] ? { className: CLASS[token.tag] } : {} };
  return { type: 'span', props: {} };
}

/** A self-contained token (text, code, break, image…) as a node. */
function leaf(token: Token, key: number): ReactNode {
  switch (token.type) {
    case 'text':
      return token.content;
    case 'softbreak':
      return '\n';
    case 'hardbreak':
      return createElement('br', { key });
    case 'code_inline':
      return createElement('code', { key, className: 'rounded bg-slate-800 px-1 font-mono text-sm' }, token.content);
    case 'code_block':
    case 'fence':
      return createElement('pre', { key, tabIndex: 0, className: CODE_BLOCK }, token.content.replace(/\n$/, ''));
    case 'hr':
      return createElement('hr', { key, className: CLASS.hr });
    case 'image': {
      // Never loaded (a tracking pixel, and CSP allows no remote images): a link to it, named by its text.
      const href = safeHref(attr(token, 'src') ?? '');
      const label = `Image: ${token.content || 'untitled'}`;
      return href
        ? createElement(
            'a',
            { key, href, rel: 'noopener noreferrer nofollow', target: '_blank', className: LINK },
            label,
          )
        : label;
    }
    default:
      return token.content;
  }
}

/**
 * Builds the element tree with an explicit stack, so depth costs no recursion; markdown-it's token stream is flat
 * for blocks, and each inline token's children are a flat stream of their own.
 */
export function renderTokens(tokens: readonly Token[]): ReactNode[] {
  const root: Frame = { type: 'div', props: {}, children: [] };
  const stack: Frame[] = [root];
  const walk = (stream: readonly Token[]) => {
    for (const token of stream) {
      const top = stack[stack.length - 1] ?? root;
      if (token.type === 'inline') walk(token.children ?? []);
      else if (token.nesting === 1)
        stack.push(token.hidden ? { type: null, props: {}, children: [] } : { ...opening(token), children: [] });
      else if (token.nesting === -1) {
        const done = stack.length > 1 ? stack.pop() : undefined;
        const parent = stack[stack.length - 1] ?? root;
        if (!done) continue;
        if (done.type === null) for (const child of done.children) append(parent.children, child);
        else
          parent.children.push(
            createElement(done.type, { key: parent.children.length, ...done.props }, ...done.children),
          );
      } else append(top.children, leaf(token, top.children.length));
    }
  };
  walk(tokens);
  return root.children;
}

// A description never changes once proposed: the rendering of the last few is kept, so a page hit again does no work.
const CACHE_SIZE = 32;
const cache = new Map<string, ReactNode>();

/** The description's elements, without the cache: formatted up to the limit, then the plain-text remainder. */
export function renderDescription(source: string): ReactNode {
  const { formatted, rest } = splitForRendering(source);
  const tokens = parseMarkdown(formatted);
  const tooDeep = reachesNestingLimit(tokens);
  return (
    <>
      {renderTokens(tokens)}
      {rest || tooDeep ? <PlainRemainder source={source} rest={rest} tooDeep={tooDeep} /> : null}
    </>
  );
}

function cachedDescription(source: string): ReactNode {
  const hit = cache.get(source);
  if (hit !== undefined) return hit;
  const node = renderDescription(source);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(source, node);
  return node;
}

function PlainRemainder({ source, rest, tooDeep }: { source: string; rest: string; tooDeep: boolean }) {
  const note = tooDeep
    ? 'Part of this description is nested too deeply to format, so it may be cut short above. The whole text follows as plain text.'
    : `This description is ${source.length.toLocaleString('en-US')} characters long: the first ${(source.length - rest.length).toLocaleString('en-US')} are formatted above (the limit is ${MARKDOWN_RENDER_LIMIT.toLocaleString('en-US')}). The rest follows as plain text.`;
  return (
    <div className="space-y-2 border-t border-slate-800 pt-3" data-testid="proposal-description-rest">
      <p className="text-sm text-amber-200">{note}</p>
      <details>
        <summary className="cursor-pointer text-sm text-slate-300">
          {tooDeep ? 'Show the whole description as plain text' : 'Show the rest as plain text'}
        </summary>
        <pre tabIndex={0} className={`${CODE_BLOCK} mt-2 max-h-96 whitespace-pre-wrap break-words`}>
          {tooDeep ? source : rest}
        </pre>
      </details>
    </div>
  );
}

/** A proposal description: formatted up to the render limit, the rest as plain text with a note saying so. */
export function Markdown({ source }: { source: string }) {
  return (
    <div className="space-y-3 text-slate-300" data-testid="proposal-description">
      {cachedDescription(source)}
    </div>
  );
}
