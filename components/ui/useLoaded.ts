'use client';

import { useEffect, useState } from 'react';
import type { Loader } from '@/lib/loadOnce';

/**
 * A code-split module for rendering: null until it has loaded, which `wanted` starts (after hydration, not during
 * the server render). A failed fetch leaves it null; whoever needs the module for an action reports the failure.
 */
export function useLoaded<T extends object>(loader: Loader<T>, wanted = true): T | null {
  const [module, setModule] = useState<T | null>(loader.current);
  useEffect(() => {
    if (module || !wanted) return;
    let live = true;
    loader().then(
      (loaded) => live && setModule(loaded),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [loader, module, wanted]);
  return module ?? loader.current;
}
