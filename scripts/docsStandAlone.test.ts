import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SELF = relative(ROOT, fileURLToPath(import.meta.url));
const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
const markdownFiles = tracked.filter((path) => path.endsWith('.md'));

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens; repeats get -1, -2… */
export function headingAnchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  let inCode = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) inCode = !inCode;
    const heading = !inCode && /^#{1,6} (.+)$/.exec(line);
    if (!heading) continue;
    const base = heading[1]!
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** Relative Markdown links `[text](target)` outside code blocks; web and mail links are left out. */
function relativeLinks(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((target) => !/^[a-z]+:/i.test(target));
}

describe('the docs stand alone', () => {
  it.each(markdownFiles)('every relative link in %s reaches a file and heading of the repository', (file) => {
    const broken = relativeLinks(readFileSync(join(ROOT, file), 'utf8')).filter((target) => {
      const [path = '', anchor] = target.split('#');
      const resolved = path === '' ? file : normalize(join(dirname(file), path));
      if (resolved.startsWith('..') || !existsSync(join(ROOT, resolved))) return true;
      return anchor !== undefined && !headingAnchors(readFileSync(join(ROOT, resolved), 'utf8')).has(anchor);
    });
    expect(broken).toEqual([]);
  });

  it('no tracked file refers to the specification, style or toolchain notes kept outside the repository', () => {
    const outside = /\/work\/|\.\.\/shared\b|\bSPEC(\.md| §)|\bTOOLCHAIN\.md|\bSTYLE\.md/;
    const offending = tracked.filter((path) => {
      if (path === SELF || /\.(png|ico|jpg|woff2?)$/.test(path)) return false;
      return outside.test(readFileSync(join(ROOT, path), 'utf8'));
    });
    expect(offending).toEqual([]);
  });
});

describe('headingAnchors', () => {
  it("makes GitHub's anchors, skipping code blocks", () => {
    const md = '# A: `b.c(d e)` f\n```\n# not a heading\n```\n## Über 2 %\n## Über 2 %\n';
    expect([...headingAnchors(md)]).toEqual(['a-bcd-e-f', 'über-2-', 'über-2--1']);
  });
});
