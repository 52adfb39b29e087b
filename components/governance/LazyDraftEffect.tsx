'use client';

import { lazy, Suspense, type ComponentProps } from 'react';
import { effectSkeleton } from '@/lib/governance/effectRows';
import { EffectTable } from './EffectTable';

// The risk model (lib/risk) arrives once the first action is added, not with the form.
const DraftEffectPanel = lazy(() => import('./DraftEffectPanel'));

/** The draft's "Effect if executed", with the same rows as "…" while the model loads. */
export function LazyDraftEffect(props: ComponentProps<typeof DraftEffectPanel>) {
  const placeholder = (
    <EffectTable
      effect={null}
      skeleton={effectSkeleton(props.dashboard.tranches, props.account !== undefined)}
      refresh=""
      problem={null}
    />
  );
  return (
    <Suspense fallback={placeholder}>
      <DraftEffectPanel {...props} />
    </Suspense>
  );
}
