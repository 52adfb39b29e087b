import { getAddress, isAddress, type Address } from 'viem';
import { z } from 'zod';

/**
 * wagmi's state as its storage serialises it (JSON, Maps written as {"__type": "Map", "value": [[key, value], …]}),
 * reduced to what says which account is connected. Only the fields read here are checked; the rest is wagmi's.
 */
const storedWalletState = z.object({
  state: z.object({
    current: z.string().nullable(),
    connections: z.object({
      __type: z.literal('Map'),
      value: z.array(
        z.tuple([
          z.string(),
          z.object({
            accounts: z.array(z.string()),
            chainId: z.number().int().positive().optional().catch(undefined),
            connector: z.object({ id: z.string() }),
          }),
        ]),
      ),
    }),
  }),
});

export interface ReconnectingWallet {
  account: Address;
  /** wagmi's connector id, e.g. the dev wallet's. */
  connectorId: string;
  /** The chain the wallet was last on, if the cookie says. */
  chainId?: number;
}

/**
 * The wallet connection wagmi will try to restore, from its state cookie, or null. The cookie is the visitor's to
 * edit: anything malformed means "none", and what it names only decides how the server lays the page out and which
 * figures it reads first; the wallet's reconnection decides what the page then shows.
 */
export function reconnectingWallet(cookie: string | undefined): ReconnectingWallet | null {
  if (!cookie) return null;
  let json: unknown;
  try {
    json = JSON.parse(cookie);
  } catch {
    return null;
  }
  const parsed = storedWalletState.safeParse(json);
  if (!parsed.success) return null;
  const { current, connections } = parsed.data.state;
  const connection = connections.value.find(([uid]) => uid === current)?.[1];
  const account = connection?.accounts[0];
  if (!connection || !account || !isAddress(account)) return null;
  const wallet: ReconnectingWallet = { account: getAddress(account), connectorId: connection.connector.id };
  if (connection.chainId !== undefined) wallet.chainId = connection.chainId;
  return wallet;
}
