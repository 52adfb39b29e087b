import { buildCalendar } from './ics';

export interface WindowCalendarInput {
  chainId: number;
  vault: string;
  account: string;
  trancheName: string;
  /** Unix seconds, the chain's: when withdrawals open and close. */
  cooldownEnd: number;
  windowEnd: number;
  /** Unix seconds the file is made at (DTSTAMP). */
  now: number;
  /** The tranche page, for the event's link. */
  pageUrl: string;
}

/**
 * A depositor's withdrawal window as a calendar event: it runs from the end of the cooldown to the end of the unstake
 * window, with a reminder when it opens and one 24 hours before it closes (or at once, for a window shorter than that).
 */
export function withdrawalWindowCalendar(w: WindowCalendarInput): string {
  const length = w.windowEnd - w.cooldownEnd;
  return buildCalendar(
    {
      uid: `window-${w.chainId}-${w.vault.toLowerCase()}-${w.account.toLowerCase()}-${w.cooldownEnd}@backstop`,
      start: w.cooldownEnd,
      end: w.windowEnd,
      summary: `Withdrawal window: ${w.trancheName}`,
      description:
        `Your ${w.trancheName} withdrawal window is open from the end of your cooldown until it closes. ` +
        'Withdraw before it ends: a lapsed request must be made again, and its cooldown waited out again. ' +
        `Account ${w.account}. Times are the chain's (UTC).`,
      url: w.pageUrl,
      alarms: [
        { secondsBefore: 0, text: `Your ${w.trancheName} withdrawal window is open` },
        {
          secondsBefore: Math.min(24 * 3_600, Math.max(0, length)),
          fromEnd: true,
          text: `Your ${w.trancheName} withdrawal window closes in ${length >= 24 * 3_600 ? '24 hours' : 'less than a day'}`,
        },
      ],
    },
    w.now,
  );
}
