import http from 'node:http';
import { describeError } from './processes';

/** Something the fault tests may stop and start again (anvil, the indexer). */
export interface Stoppable {
  readonly running: boolean;
  stop(): Promise<unknown>;
  restart(): Promise<void>;
  /** Start again from nothing (the indexer: an empty database, so it reads the whole history again). */
  rebuild?(): Promise<void>;
  /** A value that changes while a start or rebuild moves on (the indexer's backfill counters). */
  progress?(): string | undefined;
}

/** GET /status: which services run, and the action under way with how far it has got. */
export interface FaultControlStatus {
  /** Per service, whether it runs now. */
  running: Record<string, boolean>;
  /** The action under way, its age in seconds and its service's progress value. */
  busy: { id: number; service: string; action: string; seconds: number; progress: string | null } | null;
  /** The outcome of the latest actions by id (those asked for with ?async=1 are only reported here). */
  done: Record<string, { ok: boolean; seconds: number; error?: string }>;
}

/** How many finished actions GET /status remembers. */
const KEPT_RESULTS = 20;

type Action = 'stop' | 'start' | 'rebuild';
const DONE: Record<Action, string> = { stop: 'stopped', start: 'restarted', rebuild: 'rebuilt' };

/**
 * A loopback-only endpoint of the test harness through which a test stops a service for real and starts it again:
 * POST /<name>/stop, POST /<name>/start, POST /<name>/rebuild (after a stop), GET /status. Only the harness's own
 * processes can be touched this way. A POST answers once the action is done, however long that takes (the services
 * fail their own starts when they stop making progress); with ?async=1 it answers 202 with the action's id at once
 * (an HTTP client waits for response headers only so long). Meanwhile GET /status says what is under way and how
 * far it has got, so that a test can tell a slow machine from a stuck service, and then how it ended.
 */
export function startFaultControl(
  port: number,
  services: Record<string, Stoppable>,
  log: (message: string) => void,
): Promise<{ url: string; stop: () => Promise<void> }> {
  let busy = Promise.resolve();
  let running: { id: number; service: string; action: Action; started: number } | null = null;
  let nextId = 1;
  const done = new Map<number, { ok: boolean; seconds: number; error?: string }>();
  const remember = (id: number, result: { ok: boolean; seconds: number; error?: string }) => {
    done.set(id, result);
    for (const old of done.keys()) if (done.size > KEPT_RESULTS) done.delete(old);
  };
  const server = http.createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const [path = '', query = ''] = (req.url ?? '').split('?');
    const [, name = '', action = ''] = path.split('/');
    const async = new URLSearchParams(query).get('async') === '1';
    if (req.method === 'GET' && name === 'status') {
      const status: FaultControlStatus = {
        running: Object.fromEntries(Object.entries(services).map(([key, s]) => [key, s.running])),
        busy: running && {
          id: running.id,
          service: running.service,
          action: running.action,
          seconds: (performance.now() - running.started) / 1000,
          progress: services[running.service]?.progress?.() ?? null,
        },
        done: Object.fromEntries(done),
      };
      return reply(200, status);
    }
    const service = services[name];
    const known = action === 'stop' || action === 'start' || (action === 'rebuild' && service?.rebuild !== undefined);
    if (req.method !== 'POST' || !service || !known) {
      return reply(404, {
        error: `Use POST /{${Object.keys(services).join('|')}}/{stop|start|rebuild} or GET /status.`,
      });
    }
    // One action at a time: a stop and a start racing each other would leave nobody knowing the state.
    const id = nextId++;
    if (async) reply(202, { id });
    busy = busy.then(async () => {
      const started = performance.now();
      running = { id, service: name, action: action as Action, started };
      try {
        if (action === 'stop') await service.stop();
        else if (action === 'rebuild') await service.rebuild!();
        else await service.restart();
        const seconds = (performance.now() - started) / 1000;
        log(`[fault control] ${name} ${DONE[action as Action]} in ${seconds.toFixed(1)} s`);
        remember(id, { ok: true, seconds });
        if (!async) reply(200, { ok: true, seconds });
      } catch (error) {
        log(`[fault control] ${name} ${action} failed: ${describeError(error)}`);
        remember(id, { ok: false, seconds: (performance.now() - started) / 1000, error: describeError(error) });
        if (!async) reply(500, { error: describeError(error) });
      } finally {
        running = null;
      }
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${port}`,
        stop: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      }),
    );
  });
}
