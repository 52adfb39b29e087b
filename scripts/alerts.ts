// `npm run alerts -- --webhook URL [--account 0x…]`: posts the protocol's events (and an account's alerts) to a
// webhook, signed, each once (docs/alerts-webhook.md).
import { parseArgs } from 'node:util';
import { isAddress } from 'viem';
import { sendPass } from './lib/alerts/sender';
import { portFromEnv } from './lib/ports';

const USAGE =
  'Usage: BACKSTOP_WEBHOOK_SECRET=… npm run alerts -- --webhook URL [--account 0x…] [--secret-env NAME] ' +
  '[--state FILE] [--app URL] [--interval SECONDS] [--attempts N] [--retry-delay MS] [--once]';

function fail(message: string): never {
  console.error(`✗ ${message}`);
  process.exit(2);
}

function positiveInt(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d{1,9}$/.test(text) || Number(text) < 1) fail(`--${name} must be a whole number ≥ 1, got "${text}".`);
  return Number(text);
}

function httpUrl(text: string, name: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    fail(`--${name} must be an http(s) URL, got "${text}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') fail(`--${name} must be an http(s) URL, got "${text}".`);
  return url.toString();
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        webhook: { type: 'string' },
        account: { type: 'string' },
        'secret-env': { type: 'string' },
        state: { type: 'string' },
        app: { type: 'string' },
        interval: { type: 'string' },
        attempts: { type: 'string' },
        'retry-delay': { type: 'string' },
        once: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  if (!values.webhook) fail(`--webhook is required.\n${USAGE}`);
  const webhook = httpUrl(values.webhook, 'webhook');
  const account = values.account ?? null;
  if (account !== null && !isAddress(account, { strict: false })) fail(`--account must be a 0x… 20-byte address.`);
  const secretEnv = values['secret-env'] ?? 'BACKSTOP_WEBHOOK_SECRET';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(secretEnv)) fail(`--secret-env takes a variable's name, not a value.`);
  const secret = process.env[secretEnv];
  if (!secret) {
    fail(
      `${secretEnv} is not set: the sender signs every delivery with that secret and will not send unsigned ones. ` +
        `Set it in the environment (never on the command line), e.g. ${secretEnv}=$(openssl rand -hex 32).`,
    );
  }
  if (secret.length < 16) fail(`${secretEnv} is too short to sign with: use at least 16 characters.`);
  const appUrl = values.app ? httpUrl(values.app, 'app') : `http://127.0.0.1:${portFromEnv('PORT', 3000)}`;
  const stateFile = values.state ?? `.backstop-alerts-${account ? account.toLowerCase() : 'protocol'}.json`;
  const interval = positiveInt(values.interval, 'interval', 30);
  const retry = {
    attempts: positiveInt(values.attempts, 'attempts', 5),
    baseDelayMs: positiveInt(values['retry-delay'], 'retry-delay', 1_000),
  };
  const options = { appUrl, webhook, secret, account, stateFile, retry, log: (line: string) => console.log(line) };

  let stopping = false;
  let wake: () => void = () => {};
  const stop = () => {
    stopping = true;
    wake();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`Sending ${account ? `${account}'s alerts and ` : ''}the protocol's events from ${appUrl} to ${webhook}`);
  console.log(`State: ${stateFile}`);
  for (;;) {
    let failed: string | null;
    try {
      const pass = await sendPass(options);
      failed = pass.failed;
      console.log(`${new Date().toISOString()} ${pass.delivered} delivered${failed ? `; stopped: ${failed}` : ''}`);
    } catch (error) {
      failed = (error as Error).message;
      console.error(`${new Date().toISOString()} ✗ ${failed}`);
    }
    if (values.once) process.exit(failed ? 1 : 0);
    if (stopping) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, interval * 1000);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    if (stopping) return;
  }
}

void main();
