// `npm run bench`: runs every scripts/bench/*.bench.ts in turn, each in its own process, and prints what they print.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = path.dirname(new URL(import.meta.url).pathname);
const only = process.argv.slice(2);
const benches = fs
  .readdirSync(dir)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.startsWith(name)))
  .sort();

let failed = 0;
for (const file of benches) {
  console.log(`\n━━ ${file} ━━`);
  const started = Date.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, file)], { stdio: 'inherit' });
  if (run.status !== 0) failed += 1;
  console.log(
    `━━ ${file}: ${run.status === 0 ? 'done' : `failed (${run.signal ?? `exit ${run.status}`})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}
if (benches.length === 0) console.log('No scripts/bench/*.bench.ts matched.');
process.exit(failed > 0 ? 1 : 0);
