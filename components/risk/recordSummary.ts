import type { Experience } from '@/lib/risk/experience';
import { formatSmallPercent } from '@/lib/format/smallPercent';

/** One sentence on what the chain's loss record says about a tranche, or why it is missing. */
export function recordSummary(experience: Experience | null, problem: string | null): string {
  if (!experience) return `Chain's record unavailable (${problem ?? 'not read'}): the figures are the model's alone.`;
  const days = Math.round(experience.years * 365);
  const { events, worstLossFraction } = experience.observed;
  const weight = `the record weighs ${formatSmallPercent(experience.credibility)} against the model`;
  if (events === 0) return `Chain's record: no loss reached this tranche in ${days} indexed days; ${weight}.`;
  return (
    `Chain's record: ${events} loss${events === 1 ? '' : 'es'} reached this tranche in ${days} indexed days, the ` +
    `worst taking ${formatSmallPercent(worstLossFraction)} of its capital then; ${weight}.`
  );
}
