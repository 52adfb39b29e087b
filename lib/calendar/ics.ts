/**
 * An RFC 5545 iCalendar file for one event, built by hand: the format is small and fixed, and the libraries on npm
 * for it bring time-zone databases the app does not need (every time here is UTC, from the chain).
 */

export interface CalendarEvent {
  /** Globally unique and stable: the same event downloaded twice replaces itself in the calendar. */
  uid: string;
  /** Unix seconds. */
  start: number;
  end: number;
  summary: string;
  description: string;
  url?: string;
  /** Reminders, in seconds before `start` (positive) or, with `fromEnd`, before `end`. */
  alarms: { secondsBefore: number; fromEnd?: boolean; text: string }[];
}

/** 20261205T093000Z: a UTC DATE-TIME (RFC 5545 §3.3.5, form #2). */
export function icsTime(unixSeconds: number): string {
  return new Date(unixSeconds * 1000)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** TEXT escaping (§3.3.11): backslash, semicolon, comma; newlines as \n. */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Content lines longer than 75 octets are folded: CRLF and one space (§3.1), never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with the space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3_600);
  const minutes = Math.floor((s % 3_600) / 60);
  const rest = s % 60;
  const time = `${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${rest ? `${rest}S` : ''}`;
  return `P${days ? `${days}D` : ''}${time ? `T${time}` : days ? '' : 'T0S'}`;
}

/** The calendar: VCALENDAR with one VEVENT and its VALARMs, CRLF line ends, stamped at `stamp` (unix s). */
export function buildCalendar(event: CalendarEvent, stamp: number): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Backstop//Withdrawal window//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${icsTime(stamp)}`,
    `DTSTART:${icsTime(event.start)}`,
    `DTEND:${icsTime(event.end)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    ...(event.url ? [`URL:${event.url}`] : []),
    ...event.alarms.flatMap((alarm) => [
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(alarm.text)}`,
      alarm.fromEnd
        ? `TRIGGER;RELATED=END:-${duration(alarm.secondsBefore)}`
        : `TRIGGER:-${duration(alarm.secondsBefore)}`,
      'END:VALARM',
    ]),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** The unfolded content lines of a calendar, as NAME[;params] → value (for tests and for reading one back). */
export function parseCalendar(text: string): { name: string; params: string; value: string }[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const colon = line.indexOf(':');
      const head = line.slice(0, colon);
      const semicolon = head.indexOf(';');
      return {
        name: semicolon === -1 ? head : head.slice(0, semicolon),
        params: semicolon === -1 ? '' : head.slice(semicolon + 1),
        value: line.slice(colon + 1),
      };
    });
}
