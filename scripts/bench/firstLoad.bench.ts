// First-load JS per route and the biggest chunks of each, without pages.bench's Lighthouse rounds: a quick check
// after a change to what a route ships. `npm run bench -- firstLoad`. Prints, asserts nothing.
import { describeError, Supervisor } from '../lib/processes';
import { bootBenchStack, type BenchStack } from './lib/benchStack';
import { firstLoadJs } from './lib/firstLoadJs';
import { firstProposalId } from './lib/firstProposalId';
import { kB, printTable } from './lib/format';

const NOT_FOUND = '/bench-no-such-page';
const ROUTES = ['/', '/health', '/tranches', '/tranches/1', '/governance', '/governance/new', NOT_FOUND];
const BIGGEST = 4;

const supervisor = new Supervisor((m) => console.log(m));

async function main() {
  let stack: BenchStack | undefined;
  try {
    stack = await bootBenchStack({ root: process.cwd(), supervisor, refreshSeconds: 5, log: (m) => console.log(m) });
    const floor = await firstLoadJs(stack.appUrl, NOT_FOUND);
    const routes = [...ROUTES];
    // A proposal page, after /governance/new: the seeded first proposal's id is known only once the stack is up.
    routes.splice(routes.indexOf(NOT_FOUND), 0, `/governance/${await firstProposalId(stack.indexerUrl)}`);
    const rows: string[][] = [];
    for (const route of routes) {
      const js = route === NOT_FOUND ? floor : await firstLoadJs(stack.appUrl, route);
      const biggest = [...js.chunks].sort((a, b) => b.gzip - a.gzip).slice(0, BIGGEST);
      rows.push([
        route,
        String(js.status),
        String(js.chunks.length),
        kB(js.total),
        kB(js.total - floor.total),
        biggest.map((c) => `${c.src.split('/').pop()} ${kB(c.gzip)}`).join(', '),
      ]);
    }
    printTable(['route', 'HTTP', 'scripts', 'gzip', 'above floor', `biggest ${BIGGEST}`], rows);
  } finally {
    await stack?.stop();
  }
}

main().then(
  () => supervisor.shutdown(0),
  (error) => supervisor.shutdown(1, `✗ ${describeError(error)}`),
);
