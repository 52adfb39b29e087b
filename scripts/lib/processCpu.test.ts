import { describe, expect, it } from 'vitest';
import { cpuSeconds } from './processCpu';

describe.runIf(process.platform === 'linux')('cpuSeconds', () => {
  it('counts the CPU a process has used, in whole seconds, however slowly it was scheduled', () => {
    const before = cpuSeconds(process.pid)!;
    expect(before).toBeGreaterThanOrEqual(0);
    // Burn just over a second of this process's own CPU time (not wall time, which a busy machine stretches).
    const start = process.cpuUsage();
    while (process.cpuUsage(start).user + process.cpuUsage(start).system < 1_100_000) Math.sqrt(Math.random());
    expect(cpuSeconds(process.pid)!).toBeGreaterThanOrEqual(before + 1);
  });

  it('is undefined for a process that does not exist', () => {
    expect(cpuSeconds(undefined)).toBeUndefined();
    expect(cpuSeconds(2 ** 30)).toBeUndefined();
  });
});
