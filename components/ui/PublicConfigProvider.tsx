'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { PublicConfig } from '@/lib/chain/publicConfig';

const PublicConfigContext = createContext<PublicConfig | null>(null);

/** Makes the server-validated network configuration available to client components. */
export function PublicConfigProvider({ config, children }: { config: PublicConfig; children: ReactNode }) {
  return <PublicConfigContext.Provider value={config}>{children}</PublicConfigContext.Provider>;
}

export function usePublicConfig(): PublicConfig {
  const config = useContext(PublicConfigContext);
  if (!config) throw new Error('usePublicConfig must be used below <PublicConfigProvider> (see app/layout.tsx)');
  return config;
}
