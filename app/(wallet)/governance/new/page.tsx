import { ChainLink } from '@/components/chains/ChainLink';
import { connection } from 'next/server';
import { UnknownChain } from '@/components/chains/UnknownChain';
import { NewProposalForm } from '@/components/governance/NewProposalForm';
import { getConfig } from '@/lib/chain/config';
import { SectionBoundary } from '@/components/ui/SectionBoundary';
import { pageChain } from '@/lib/server/pageChain';

export const metadata = { title: 'New proposal' };

export default async function NewProposalPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await connection();
  const config = getConfig();
  if (!config.ok) return null; // the root layout shows what is wrong
  // The form reads and writes on the chain in scope (ChainScope); this only refuses a link to an unknown chain.
  const chain = await pageChain(config, '/governance/new', await searchParams);
  if (!chain.ok) return <UnknownChain problem={chain.problem} chains={config.chains} path="/governance/new" />;
  return (
    <>
      <p className="mb-2 text-sm">
        <ChainLink href="/governance" className="text-slate-400 hover:text-slate-200">
          ← All proposals
        </ChainLink>
      </p>
      <h1 className="mb-2 text-2xl font-semibold text-slate-50">New proposal</h1>
      <p className="mb-6 max-w-3xl text-slate-400">
        Pick the parameters to change and type the new values: each is checked against the contract&apos;s bounds and
        encoded for you. If it passes, the timelock applies every action together after its delay.
      </p>
      <SectionBoundary name="The proposal form">
        <NewProposalForm renderedAt={Date.now()} />
      </SectionBoundary>
    </>
  );
}
