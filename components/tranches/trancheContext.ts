import type { Address } from 'viem';
import type { Dashboard, ModuleView, TrancheView } from '@/lib/chain/readDashboard';
import type { ErrorContext } from '@/lib/tx/errorMessages';

export type UserView = Dashboard['user'];
export type UserTrancheView = UserView['tranches'][number];

/** What every panel of the tranche page needs: the tranche, the module, the account's view of both, chain time. */
export interface TrancheContext {
  account: Address;
  module: ModuleView;
  tranche: TrancheView;
  user: UserView;
  position: UserTrancheView;
  /** Chain time, unix s. */
  now: number;
  errorContext: ErrorContext;
}
