/** Why an action button cannot be used right now; announced when the user tries anyway. */
export function BlockedReason({
  reason,
  testId,
  announced,
}: {
  reason: string | null;
  testId: string;
  announced: boolean;
}) {
  if (!reason) return null;
  return (
    <p
      role={announced ? 'alert' : undefined}
      className={`text-sm ${announced ? 'text-rose-300' : 'text-slate-400'}`}
      data-testid={`${testId}-reason`}
    >
      {reason}
    </p>
  );
}
