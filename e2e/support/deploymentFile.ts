import { LOCAL_CHAIN_ID } from '../../lib/protocol/chain';

/** e2e/support/globalSetup.ts points this at its own chain's deployment; the default fits a running `npm start`. */
export const DEPLOYMENT_FILE = process.env.BACKSTOP_DEPLOYMENT ?? `deployments/${LOCAL_CHAIN_ID}.json`;
