import { execFile } from 'node:child_process';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonFeed } from '@/lib/feed/formats';
import type { FeedEntry } from '@/lib/feed/protocolEvents';

const SECRET = 'integration-test-secret-0123456789';
const ACCOUNT = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

// What the app serves: its JSON Feed (written by the app's own formatter) and the account's alerts.
const feedEntries: FeedEntry[] = [
  { id: 'loss-1', title: 'Loss #1 on ETH', text: 'Junior paid 10.00 tUSD', time: 1_000, path: '/health#losses' },
];
const accountAlerts = [
  {
    id: 'window-open-1-1500',
    kind: 'window-open',
    time: 1_500,
    title: 'Mezzanine: your cooldown ended, the withdrawal window is open',
    text: 'You can withdraw up to 4.0000 bsMEZ',
    path: '/tranches/mezzanine',
  },
];

interface Received {
  status: number;
  eventId: string;
  body: string;
  validSignature: boolean;
}
const received: Received[] = [];
/** Answers to give, in order, before answering 200 to everything. */
let failuresToGive: number[] = [];

let app: Server;
let receiver: Server;
let appUrl = '';
let webhookUrl = '';
let dir = '';

const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );

const readBody = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
  });

/** The receiver's check, written from docs/alerts-webhook.md with node:crypto only. */
function verifiedByRecipe(request: IncomingMessage, body: string): boolean {
  const timestamp = String(request.headers['x-backstop-timestamp'] ?? '');
  const signature = String(request.headers['x-backstop-signature'] ?? '');
  const expected = `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('hex')}`;
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) <= 300;
  return (
    fresh && signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected))
  );
}

beforeAll(async () => {
  app = createServer((request, response) => {
    const url = new URL(request.url ?? '/', appUrl);
    response.setHeader('Content-Type', 'application/json');
    if (url.pathname === '/feed.json') {
      const entries = [...feedEntries].sort((a, b) => b.time - a.time);
      response.end(
        JSON.stringify(jsonFeed(entries, { title: 'Backstop events', origin: appUrl, selfPath: '/feed.json' })),
      );
    } else if (
      url.pathname === '/api/alerts' &&
      url.searchParams.get('account')?.toLowerCase() === ACCOUNT.toLowerCase()
    ) {
      const alerts = [...accountAlerts].sort((a, b) => b.time - a.time);
      response.end(
        JSON.stringify({
          account: ACCOUNT,
          chainId: 31337,
          chainTime: 9_000,
          blockNumber: '9',
          incomplete: null,
          alerts,
        }),
      );
    } else {
      response.statusCode = 404;
      response.end(JSON.stringify({ error: 'not here' }));
    }
  });
  receiver = createServer(async (request, response) => {
    const body = await readBody(request);
    const status = failuresToGive.shift() ?? 200;
    received.push({
      status,
      eventId: String(request.headers['x-backstop-event-id']),
      body,
      validSignature: verifiedByRecipe(request, body),
    });
    response.statusCode = status;
    response.end();
  });
  [appUrl, webhookUrl] = await Promise.all([listen(app), listen(receiver)]);
  dir = await mkdtemp(path.join(tmpdir(), 'backstop-alerts-'));
});

afterAll(async () => {
  await Promise.all([new Promise((r) => app.close(r)), new Promise((r) => receiver.close(r))]);
  await rm(dir, { recursive: true, force: true });
});

/** One run of `npm run alerts -- … --once`, as its own process (a restart each time). */
function runSender(env: Record<string, string | undefined> = { BACKSTOP_WEBHOOK_SECRET: SECRET }) {
  const args = [
    '--import',
    'tsx',
    'scripts/alerts.ts',
    '--webhook',
    webhookUrl,
    '--app',
    appUrl,
    '--account',
    ACCOUNT,
    '--state',
    path.join(dir, 'state.json'),
    '--attempts',
    '3',
    '--retry-delay',
    '50',
    '--once',
  ];
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      args,
      { env: { PATH: process.env.PATH, ...env }, timeout: 60_000 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const delivered = () => received.filter((r) => r.status === 200).map((r) => r.eventId);

describe('npm run alerts (webhook sender) against a local receiver', () => {
  it('refuses to run without its secret, and sends nothing', async () => {
    const run = await runSender({ BACKSTOP_WEBHOOK_SECRET: undefined });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('BACKSTOP_WEBHOOK_SECRET is not set');
    expect(received).toHaveLength(0);
  });

  it('retries a failed delivery, signs each as documented, and delivers each event once across restarts', async () => {
    failuresToGive = [503];
    const first = await runSender();
    expect(first.code, first.stderr).toBe(0);
    expect(received.map((r) => [r.status, r.eventId])).toEqual([
      [503, 'protocol:loss-1'],
      [200, 'protocol:loss-1'],
      [200, `account:${ACCOUNT.toLowerCase()}:window-open-1-1500`],
    ]);
    expect(received.every((r) => r.validSignature)).toBe(true);
    const payload = JSON.parse(received[2]!.body);
    expect(payload).toMatchObject({
      id: 'window-open-1-1500',
      source: 'account',
      account: ACCOUNT,
      kind: 'window-open',
      time: '1970-01-01T00:25:00Z',
      url: `${appUrl}/tranches/mezzanine`,
    });

    // A restart with nothing new sends nothing.
    const again = await runSender();
    expect(again.code, again.stderr).toBe(0);
    expect(received).toHaveLength(3);

    // Later events, once each.
    feedEntries.push({
      id: 'proposal-5-queued',
      title: 'Proposal queued: X',
      text: 'queued',
      time: 2_000,
      path: '/governance/5',
    });
    accountAlerts.push({ ...accountAlerts[0]!, id: 'window-closing-1-1500', kind: 'window-closing', time: 2_500 });
    const later = await runSender();
    expect(later.code, later.stderr).toBe(0);
    expect(delivered()).toEqual([
      'protocol:loss-1',
      `account:${ACCOUNT.toLowerCase()}:window-open-1-1500`,
      'protocol:proposal-5-queued',
      `account:${ACCOUNT.toLowerCase()}:window-closing-1-1500`,
    ]);
    expect(JSON.parse(received.at(-2)!.body)).toMatchObject({ source: 'protocol', kind: 'proposal-queued' });
  }, 120_000);

  it('stops without moving the cursor when the receiver keeps failing, and delivers that event on the next run', async () => {
    feedEntries.push({
      id: 'loss-2',
      title: 'Loss #2 on BTC',
      text: 'Junior paid 5.00 tUSD',
      time: 3_000,
      path: '/health#losses',
    });
    const before = received.length;
    failuresToGive = [500, 502, 503];
    const failing = await runSender();
    expect(failing.code).toBe(1);
    expect(failing.stdout + failing.stderr).toContain('protocol:loss-2 was not delivered after 3 tries');
    expect(received.slice(before).map((r) => r.status)).toEqual([500, 502, 503]);

    const recovered = await runSender();
    expect(recovered.code, recovered.stderr).toBe(0);
    expect(delivered().filter((id) => id === 'protocol:loss-2')).toHaveLength(1);
    expect(new Set(delivered()).size).toBe(delivered().length);
  }, 120_000);
});
