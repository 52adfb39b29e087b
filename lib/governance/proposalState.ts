/** OpenZeppelin Governor's ProposalState enum, in order. */
export const PROPOSAL_STATES = [
  'pending',
  'active',
  'canceled',
  'defeated',
  'succeeded',
  'queued',
  'expired',
  'executed',
] as const;
export type ProposalStateName = (typeof PROPOSAL_STATES)[number];

export function stateName(value: number | bigint): ProposalStateName | 'unknown' {
  return PROPOSAL_STATES[Number(value)] ?? 'unknown';
}

export function isStateName(text: string | undefined | null): text is ProposalStateName {
  return PROPOSAL_STATES.includes(text as ProposalStateName);
}

/** The proposal's title: its first Markdown heading or line. */
export function proposalTitle(description: string): string {
  const first = description.split('\n').find((line) => line.trim() !== '') ?? '';
  return first.replace(/^#+\s*/, '').trim() || '(untitled proposal)';
}

/** A description as proposals carry it: "# Title" then the body. */
export function composeDescription(title: string, body: string): string {
  return `# ${title.trim()}\n\n${body.trim()}\n`;
}

/** The description without its leading "# Title" line (the page shows the title itself). */
export function proposalBody(description: string): string {
  return description.replace(/^\s*#\s+[^\n]*\n?/, '');
}
