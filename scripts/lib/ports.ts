import net from 'node:net';

export interface PortClaim {
  port: number;
  /** What will listen there, e.g. "anvil". */
  service: string;
  /** The environment variable that moves the service to another port. */
  envVar: string;
}

export class PortTakenError extends Error {}

/** Reads a TCP port from the environment, falling back when the variable is unset or empty. */
export function portFromEnv(envVar: string, fallback: number): number {
  const raw = process.env[envVar];
  if (raw === undefined || raw.trim() === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${envVar}=${raw} is not a TCP port: use a whole number from 1 to 65535.`);
  }
  return port;
}

/**
 * Listens on the wildcard address: on Linux that fails if anything at all listens on the port, on any
 * interface, so a free answer here means neither anvil (127.0.0.1) nor next (::) will collide.
 */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
      else reject(error);
    });
    server.listen({ port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Checks every claim before anything starts, so a clash never leaves a half-started stack behind. */
export async function assertPortsFree(claims: PortClaim[], command: string): Promise<void> {
  const taken: PortClaim[] = [];
  for (const claim of claims) {
    if (!(await isPortFree(claim.port))) taken.push(claim);
  }
  if (taken.length === 0) return;
  const lines = taken.map(
    (claim) =>
      `Port ${claim.port} (${claim.service}) is already in use. Stop whatever listens there, ` +
      `or pick another port: ${claim.envVar}=${suggestPort(claim.port)} ${command}`,
  );
  throw new PortTakenError(lines.join('\n'));
}

/** Asks the kernel for a port nobody uses right now (for test stacks that must not touch the defaults). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('The kernel gave no free port.'))));
    });
  });
}

function suggestPort(port: number): number {
  return port < 65535 ? port + 1 : port - 1;
}
