import MarkdownIt, { type Token } from 'markdown-it';

/**
 * Proposal descriptions are chosen on chain by anyone over the proposal threshold, so the parser must stay fast on
 * hostile text. markdown-it keeps to linear time (its test suite has a pathological-input set) and bounds nesting;
 * micromark (react-markdown) took 3.4 s on 20 KB of "a*" and overflowed the stack on nested ">" when measured.
 * Raw HTML is off (it reads as text), linkify and typographer are off (less work, nothing rewritten).
 */

/** Characters of a description rendered as Markdown; the rest is offered as plain text. */
export const MARKDOWN_RENDER_LIMIT = 16_000;

/** Nesting depth (quotes, lists, emphasis) the parser follows; deeper text is shown as plain text instead. */
const MAX_NESTING = 24;

const SAFE_PROTOCOLS = ['http:', 'https:', 'mailto:'];

/** An absolute http(s) or mailto URL, normalised, or null for anything else (javascript:, data:, relative…). */
export function safeHref(href: string): string | null {
  try {
    const url = new URL(href);
    return SAFE_PROTOCOLS.includes(url.protocol) ? url.toString() : null;
  } catch {
    return null;
  }
}

const parser = MarkdownIt('default', { html: false, linkify: false, typographer: false, maxNesting: MAX_NESTING });
// A link or image whose URL is not safe stays as its source text.
parser.validateLink = (url: string) => safeHref(url) !== null;

export type { Token };

/** The block tokens of a Markdown text (markdown-it's flat stream; inline tokens carry their children). */
export function parseMarkdown(source: string): Token[] {
  return parser.parse(source, {});
}

/**
 * True when the text reached the parser's nesting limit: markdown-it then skips the rest of the block, so the
 * formatted view would silently drop text. The page shows the whole description as plain text as well.
 */
export function reachesNestingLimit(tokens: readonly Token[]): boolean {
  // Inline nesting past the limit is kept as text; only blocks (quotes, lists) lose what follows.
  return tokens.some((token) => token.level >= MAX_NESTING - 1);
}

export interface DescriptionParts {
  /** The part rendered as Markdown: the whole text when it is within the limit. */
  formatted: string;
  /** What is left, shown as plain text; empty when the whole text is formatted. */
  rest: string;
}

/**
 * Splits a description at the render limit, preferably at a paragraph or line break in the limit's last half, so that
 * the formatted part does not end inside a construct; never between the two halves of a surrogate pair.
 */
export function splitForRendering(source: string, limit = MARKDOWN_RENDER_LIMIT): DescriptionParts {
  if (source.length <= limit) return { formatted: source, rest: '' };
  const floor = Math.floor(limit / 2);
  let cut = source.lastIndexOf('\n\n', limit);
  if (cut < floor) cut = source.lastIndexOf('\n', limit);
  if (cut < floor) {
    cut = limit;
    const code = source.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  }
  return { formatted: source.slice(0, cut), rest: source.slice(cut) };
}
