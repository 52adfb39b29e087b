/**
 * Descriptions shaped to make a Markdown parser backtrack, recurse or nest: what anyone over the proposal threshold
 * can put on chain. Shared by the renderer's unit test and `npm run bench -- markdown`.
 */
export function hostileDescriptions(size: number): Record<string, string> {
  const times = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  return {
    'open brackets [': times('['),
    'asterisks *': times('*'),
    'unclosed emphasis a*': times('a*'),
    'mixed emphasis *a**': times('*a**'),
    'underscores _a': times('_a'),
    'nested quotes >': times('>'),
    'nested quotes "> "': times('> '),
    'nested lists "- "': times('- '),
    'backticks `': times('`'),
    'code spans `a``': times('`a``'),
    'link ends ](': times(']('),
    'link starts [a](': times('[a]('),
    'images ![a](': times('![a]('),
    'table cells |a': `${times('|a').slice(0, size / 2)}\n${times('|-').slice(0, size / 2)}`,
    'angle brackets <': times('<'),
    'short lines a\\n': times('a\n'),
  };
}
