// The indexer's HTTP API (docs/interfaces.md, "Indexer HTTP API"). Ponder serves /ready, /health and /status itself.
import { Hono } from 'hono';
import { BadRequest } from './params';
import { accounts } from './routes/accounts';
import { losses } from './routes/losses';
import { premiums } from './routes/premiums';
import { proposals } from './routes/proposals';
import { samples } from './routes/samples';
import { stewardUpdates } from './routes/stewardUpdates';
import { status } from './routes/status';

const app = new Hono();
app.route('/api/samples', samples);
app.route('/api/losses', losses);
app.route('/api/premiums', premiums);
app.route('/api/steward-updates', stewardUpdates);
app.route('/api/proposals', proposals);
app.route('/api/accounts', accounts);
app.route('/api/status', status);
app.onError((error, c) => {
  if (error instanceof BadRequest) return c.json({ error: error.message }, 400);
  console.error(`${c.req.method} ${c.req.path} failed:`, error);
  return c.json({ error: 'internal error' }, 500);
});

export default app;
