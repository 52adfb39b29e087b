import fs from 'node:fs';

/** CPU time (user + system) a process has used, in clock ticks, from /proc on Linux; undefined where unreadable. */
export function cpuTicks(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields after the command name (which may hold spaces, hence the last ')'): utime and stime are the 12th and 13th.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks : undefined;
  } catch {
    return undefined;
  }
}

/** Whole CPU seconds (user + system) a process has used; undefined where that cannot be read. */
export function cpuSeconds(pid: number | undefined): number | undefined {
  const ticks = cpuTicks(pid);
  return ticks === undefined ? undefined : Math.floor(ticks / CLOCK_TICKS_PER_SECOND);
}

/** USER_HZ: 100 on every Linux Node runs on (the kernel's ABI, independent of CONFIG_HZ). */
const CLOCK_TICKS_PER_SECOND = 100;
