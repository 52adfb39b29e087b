'use client';

import { ChainLink } from '@/components/chains/ChainLink';
import { useMemo, useState } from 'react';
import { TxButton } from '@/components/tx/TxButton';
import { useTransactionFlow } from '@/components/tx/useTransactionFlow';
import { usePublicConfig } from '@/components/ui/PublicConfigProvider';
import { chainParamsFrom } from '@/lib/governance/chainParams';
import { decodeAction } from '@/lib/governance/decode';
import { encodeAction, parseInputs, type ParsedInputs, type ProposalAction } from '@/lib/governance/encode';
import { toInputText } from '@/lib/governance/fields';
import { composeDescription } from '@/lib/governance/proposalState';
import { proposalIdOf } from '@/lib/governance/proposalId';
import { buildTemplates } from '@/lib/governance/templates';
import { governorTxAbi } from '@/lib/governance/txAbi';
import { ActionEditor } from './ActionEditor';
import { formatVotes } from './formatVotes';
import { LazyDraftEffect } from './LazyDraftEffect';
import { useClearinghouseExtras } from './useClearinghouseExtras';
import { GOVERNANCE_QUERY_KEYS, useGovernanceSession } from './useGovernanceSession';
import { AddressText } from '@/components/ui/AddressText';

interface Draft {
  key: number;
  templateId: string;
  texts: string[];
}

/** Builds a proposal from typed templates: several actions, current → proposed, calldata preview, threshold check. */
export function NewProposalForm({ renderedAt }: { renderedAt: number }) {
  const config = usePublicConfig();
  const session = useGovernanceSession(renderedAt);
  const extras = useClearinghouseExtras(session.dashboard?.markets.length ?? 0);
  const params = useMemo(
    () => (session.dashboard ? chainParamsFrom(session.dashboard, extras.data) : null),
    [session.dashboard, extras.data],
  );
  const templates = useMemo(() => (params ? buildTemplates(params) : []), [params]);
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [choice, setChoice] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [tried, setTried] = useState(false);
  const [nextKey, setNextKey] = useState(1);
  const targets = {
    module: config.contracts.module,
    clearinghouse: config.contracts.clearinghouse,
    steward: config.contracts.riskSteward,
  };

  const built = drafts.map((d) => {
    const template = templates.find((t) => t.id === d.templateId);
    const parsed = template
      ? parseInputs(template, d.texts)
      : ({ ok: false, errors: ['Unknown template'] } satisfies ParsedInputs as ParsedInputs);
    const action: ProposalAction | null = template && parsed.ok ? encodeAction(template, parsed.values, targets) : null;
    return { draft: d, template, parsed, action };
  });
  const actions = built.flatMap((b) => (b.action ? [b.action] : []));
  const description = composeDescription(title, body);
  const threshold = session.dashboard?.governance.proposalThreshold ?? null;
  const power = session.user?.votingPower ?? null;

  const problems: string[] = [];
  if (drafts.length === 0) problems.push('Add at least one action.');
  if (actions.length !== drafts.length) problems.push('Fix the highlighted values.');
  if (title.trim() === '') problems.push('Give the proposal a title.');
  const thresholdProblem =
    power !== null && threshold !== null && power < threshold
      ? `Your voting power (${formatVotes(power)}) is below the proposal threshold (${formatVotes(threshold)}): you cannot propose yet. Gain or be delegated more BSG.`
      : null;
  const ready = problems.length === 0 && thresholdProblem === null;

  const args = [
    actions.map((a) => a.target),
    actions.map((a) => a.value),
    actions.map((a) => a.calldata),
    description,
  ] as const;
  const flow = useTransactionFlow({
    request:
      ready && session.account
        ? {
            address: config.contracts.governor,
            abi: governorTxAbi,
            functionName: 'propose',
            args,
            account: session.account,
          }
        : undefined,
    description: 'Submit the proposal',
    invalidate: GOVERNANCE_QUERY_KEYS,
    errorContext: session.errorContext,
  });
  const submittedId =
    flow.state.status === 'confirmed' || flow.state.status === 'pending'
      ? proposalIdOf(args[0], args[1], args[2], description)
      : null;

  if (!params)
    return (
      <p className="text-slate-400">
        {session.error ? `Live data is not available: ${session.error.message}` : 'Reading current parameters…'}
      </p>
    );

  function add() {
    const template = templates.find((t) => t.id === choice);
    if (!template) return;
    const current = template.current(params!);
    setDrafts((ds) => [
      ...ds,
      {
        key: nextKey,
        templateId: template.id,
        texts: template.fields.map((f, i) => (current[i] != null ? toInputText(f.type, current[i]!) : '')),
      },
    ]);
    setNextKey((k) => k + 1);
    flow.reset();
  }

  return (
    <div className="space-y-6" data-testid="new-proposal-form">
      <section className="space-y-3 rounded-xl border border-slate-800 bg-slate-900/60 p-5">
        <h2 className="text-lg font-semibold text-slate-100">Actions</h2>
        <div className="flex flex-wrap items-end gap-3">
          <div className="min-w-0 max-w-full space-y-1">
            <label htmlFor="template-select" className="block text-sm text-slate-300">
              Parameter to change
            </label>
            <select
              id="template-select"
              data-testid="template-select"
              className="max-w-full rounded-lg border border-slate-700 bg-slate-950 px-3 py-2 text-sm text-slate-100"
              value={choice}
              onChange={(e) => setChoice(e.target.value)}
            >
              <option value="">Choose…</option>
              {templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="rounded-lg border border-slate-600 px-3 py-2 text-sm text-slate-100 hover:border-amber-400 disabled:opacity-50"
            disabled={choice === ''}
            onClick={add}
            data-testid="template-add"
          >
            Add action
          </button>
        </div>
        <ol className="space-y-3">
          {built.map((b, i) =>
            b.template ? (
              <ActionEditor
                key={b.draft.key}
                index={i}
                template={b.template}
                params={params}
                texts={b.draft.texts}
                parsed={b.parsed}
                showErrors={tried}
                onChange={(texts) => {
                  setDrafts((ds) => ds.map((d) => (d.key === b.draft.key ? { ...d, texts } : d)));
                  flow.reset();
                }}
                onRemove={() => {
                  setDrafts((ds) => ds.filter((d) => d.key !== b.draft.key));
                  flow.reset();
                }}
              />
            ) : null,
          )}
        </ol>
      </section>

      {actions.length > 0 ? (
        <section
          className="space-y-3 rounded-xl border border-slate-800 bg-slate-900/60 p-5"
          data-testid="proposal-summary"
        >
          <h2 className="text-lg font-semibold text-slate-100">Summary</h2>
          <ol className="list-decimal space-y-1 pl-6 text-slate-200">
            {actions.map((a, i) => (
              <li key={i} data-testid="summary-line">
                {decodeAction(a, params, targets).words}
              </li>
            ))}
          </ol>
          <details>
            <summary className="cursor-pointer text-sm text-slate-400">Encoded calls (read-only)</summary>
            <ol className="mt-2 space-y-2">
              {actions.map((a, i) => (
                <li key={i} className="break-all font-mono text-xs text-slate-400" data-testid="calldata-preview">
                  target <AddressText address={a.target} />
                  <br />
                  value {a.value.toString()}
                  <br />
                  calldata <output>{a.calldata}</output>
                </li>
              ))}
            </ol>
          </details>
        </section>
      ) : null}

      {actions.length > 0 && session.dashboard ? (
        <section
          aria-labelledby="draft-effect-heading"
          className="space-y-3 rounded-xl border border-slate-800 bg-slate-900/60 p-5"
          data-testid="proposal-effect"
        >
          <h2 id="draft-effect-heading" className="text-lg font-semibold text-slate-100">
            Effect if executed
          </h2>
          <LazyDraftEffect
            actions={actions}
            dashboard={session.dashboard}
            account={session.account}
            targets={targets}
          />
        </section>
      ) : null}

      <section className="space-y-3 rounded-xl border border-slate-800 bg-slate-900/60 p-5">
        <h2 className="text-lg font-semibold text-slate-100">Description</h2>
        <label htmlFor="proposal-title" className="block text-sm text-slate-300">
          Title
        </label>
        <input
          id="proposal-title"
          data-testid="proposal-title-input"
          className="w-full rounded-lg border border-slate-700 bg-slate-950 px-3 py-2 text-slate-100"
          value={title}
          maxLength={120}
          onChange={(e) => {
            setTitle(e.target.value);
            flow.reset();
          }}
        />
        <label htmlFor="proposal-body" className="block text-sm text-slate-300">
          Rationale (Markdown: headings, lists, **bold**, *italic*, `code`, links; no HTML)
        </label>
        <textarea
          id="proposal-body"
          data-testid="proposal-body-input"
          rows={6}
          className="w-full rounded-lg border border-slate-700 bg-slate-950 px-3 py-2 text-sm text-slate-100"
          value={body}
          onChange={(e) => {
            setBody(e.target.value);
            flow.reset();
          }}
        />
      </section>

      <section className="space-y-3 rounded-xl border border-slate-800 p-5">
        <p className="text-sm text-slate-400" data-testid="proposal-threshold">
          Proposal threshold: {threshold === null ? '…' : formatVotes(threshold)}; your voting power:{' '}
          {power === null ? (session.account ? '…' : 'connect a wallet') : formatVotes(power)}.
        </p>
        {thresholdProblem ? (
          <p role="alert" className="text-sm text-rose-300" data-testid="threshold-error">
            {thresholdProblem}
          </p>
        ) : null}
        {tried && problems.length > 0 ? (
          <ul role="alert" className="list-disc pl-5 text-sm text-rose-300" data-testid="proposal-problems">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
        <TxButton
          flow={flow}
          testId="propose-submit"
          label="Submit proposal"
          blocked={!ready}
          onSend={() => {
            setTried(true);
            if (ready) void flow.send();
          }}
        />
        {submittedId !== null ? (
          <p className="text-sm">
            <ChainLink
              href={`/governance/${submittedId.toString()}`}
              className="text-amber-200 underline"
              data-testid="proposal-created-link"
              data-id={submittedId.toString()}
            >
              View the proposal
            </ChainLink>
          </p>
        ) : null}
      </section>
    </div>
  );
}
