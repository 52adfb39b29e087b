import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { distDir, markBuildStart, staleBuildReason } from './app';

describe('staleBuildReason', () => {
  let root: string;
  const at = (file: string, ms: number) => fs.utimesSync(path.join(root, file), ms / 1000, ms / 1000);

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'backstop-build-'));
    fs.mkdirSync(path.join(root, distDir()));
    fs.mkdirSync(path.join(root, 'app'));
    fs.writeFileSync(path.join(root, 'app', 'page.tsx'), 'export default 1;\n');
    fs.writeFileSync(path.join(root, distDir(), 'BUILD_ID'), 'test\n');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('asks for a build when there is none', () => {
    fs.rmSync(path.join(root, distDir(), 'BUILD_ID'));
    expect(staleBuildReason(root)).toBe('no build yet');
  });

  it('keeps a build started after the last change', () => {
    at('app/page.tsx', 1_000_000);
    markBuildStart(root, 2_000_000);
    expect(staleBuildReason(root)).toBeUndefined();
  });

  it('rebuilds when a file was saved while the build ran, though the build finished after it', () => {
    markBuildStart(root, 2_000_000);
    at('app/page.tsx', 2_500_000);
    expect(fs.statSync(path.join(root, distDir(), 'BUILD_ID')).mtimeMs).toBe(2_000_000);
    expect(staleBuildReason(root)).toBe(`app${path.sep}page.tsx changed since the last build`);
  });
});
