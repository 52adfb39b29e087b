'use client';

import dynamic from 'next/dynamic';
import { QuoteWaiting, TrancheQuoteFrame, type RealisedAprSummary } from './TrancheQuoteFrame';

function Placeholder() {
  return (
    <TrancheQuoteFrame source="analytic">
      <QuoteWaiting>Loading the risk model…</QuoteWaiting>
    </TrancheQuoteFrame>
  );
}

// The risk model (lib/risk) arrives after first paint, as on /health; until then the card says what it is loading,
// exactly as it did while the model's inputs were read.
const TrancheQuoteCard = dynamic(() => import('./TrancheQuoteCard'), { ssr: false, loading: Placeholder });

export function LazyTrancheQuoteCard(props: { trancheId: number; realised: RealisedAprSummary }) {
  return <TrancheQuoteCard {...props} />;
}
