import { createHash } from 'node:crypto';

/**
 * The base64 SHA-256 of the text of every inline `<script>` in an HTML document, in document order and without
 * repeats: what a hash-based script-src must list for the document's own scripts to run. The text is taken byte for
 * byte between the tags, as the browser hashes it. (Next escapes `</script` inside its inline payloads.)
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const [, attributes = '', text = ''] = match;
    if (/\ssrc\s*=/i.test(` ${attributes}`)) continue;
    hashes.add(createHash('sha256').update(text, 'utf8').digest('base64'));
  }
  return [...hashes];
}
