// Schedule validation: checkSchedule, and the compiling of times, dates, days, zones and lists it checks.

import { ConfigurationError } from '../errors.js';
import type { ChangeWindow, Freeze, Schedule, Weekday } from './windows.js';
import { DAY, formatterFor } from './zone-clock.js';

/** Indexed like `Date.prototype.getUTCDay`: 0 is Sunday. */
export const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const WEEKDAY_LIST = 'mon, tue, wed, thu, fri, sat, sun';

export interface CompiledWindow {
  source: ChangeWindow;
  /** Weekday indexes, 0 is Sunday. */
  days: Set<number>;
  /** Minutes after local midnight. */
  from: number;
  /** Minutes after local midnight; 1440 for "24:00". */
  to: number;
}

export interface CompiledFreeze {
  source: Freeze;
  /** Days since 1970-01-01, local to the freeze's zone. */
  firstDay: number;
  lastDay: number;
}

export interface CompiledSchedule {
  windows: CompiledWindow[];
  freezes: CompiledFreeze[];
}

/**
 * Throws ConfigurationError naming `where` and the fix, for a bad timezone, weekday, time
 * ("25:00", "9:5"), date (2026-02-30), from > to in a freeze, empty days, or a missing list.
 * `where` locates the object that holds `windows` and `freezes` (e.g.
 * 'policy.yaml environments.prod'); messages append the path below it, such as
 * `.windows[0].from`.
 */
export function checkSchedule(schedule: Schedule, where: string): void {
  compileSchedule(schedule, where);
}

/** Checks `schedule` as `checkSchedule` does, and returns it compiled for matching and search. */
export function compileSchedule(schedule: Schedule, where: string): CompiledSchedule {
  const windows = requireList(schedule?.windows, `${where}.windows`, 'change windows');
  const freezes = requireList(schedule?.freezes, `${where}.freezes`, 'freezes');
  return {
    windows: windows.map((window, index) => compileWindow(window, `${where}.windows[${index}]`)),
    freezes: freezes.map((freeze, index) => compileFreeze(freeze, `${where}.freezes[${index}]`)),
  };
}

function requireList<T>(value: T[] | undefined, location: string, what: string): T[] {
  if (Array.isArray(value)) return value;
  throw new ConfigurationError(
    `${location}: expected a list of ${what}, got ${shown(value)}.`,
    `Give a list, or [] for none.`,
  );
}

function compileWindow(window: ChangeWindow, location: string): CompiledWindow {
  requireObject(window, location, 'a change window with days, from, to and timezone');
  checkTimeZone(window.timezone, `${location}.timezone`);
  return {
    source: window,
    days: parseDays(window.days, `${location}.days`),
    from: parseTime(window.from, `${location}.from`, false),
    to: parseTime(window.to, `${location}.to`, true),
  };
}

function compileFreeze(freeze: Freeze, location: string): CompiledFreeze {
  requireObject(freeze, location, 'a freeze with from, to, reason and timezone');
  checkTimeZone(freeze.timezone, `${location}.timezone`);
  const firstDay = parseDate(freeze.from, `${location}.from`);
  const lastDay = parseDate(freeze.to, `${location}.to`);
  if (firstDay > lastDay) {
    throw new ConfigurationError(
      `${location}: from ${freeze.from} is after to ${freeze.to}; expected from on or before to.`,
      'Swap the two dates; for a one-day freeze give the same date twice.',
    );
  }
  if (typeof freeze.reason !== 'string' || freeze.reason.trim() === '') {
    throw new ConfigurationError(
      `${location}.reason: expected a short text saying why deploys are frozen, got ${shown(freeze.reason)}.`,
      'Add a reason, e.g. reason: "Year-end"; it is shown to whoever is refused.',
    );
  }
  return { source: freeze, firstDay, lastDay };
}

function requireObject(value: unknown, location: string, expected: string): void {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return;
  throw new ConfigurationError(
    `${location}: expected ${expected}, got ${shown(value)}.`,
    `Write it as a map.`,
  );
}

function checkTimeZone(zone: unknown, location: string): void {
  // Intl also accepts offsets such as "+01:00" on newer Node, but they know nothing of DST.
  const known = typeof zone === 'string' && /^[A-Za-z]/.test(zone) && isKnownTimeZone(zone);
  if (known) return;
  throw new ConfigurationError(
    `${location}: ${shown(zone)} is not a known IANA time zone; expected a name such as "Europe/Berlin".`,
    'Use a name from the IANA time-zone database, e.g. "Europe/Berlin", "America/New_York", "Asia/Kolkata" or "UTC".',
  );
}

function isKnownTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

function parseDays(days: unknown, location: string): Set<number> {
  if (!Array.isArray(days) || days.length === 0) {
    throw new ConfigurationError(
      `${location}: expected at least one weekday (${WEEKDAY_LIST}), got ${shown(days)}.`,
      'List the days on which the window opens, e.g. days: [mon, tue, wed, thu]; to allow any time, remove all windows.',
    );
  }
  return new Set(
    days.map((day: unknown, index) => {
      const weekday = WEEKDAYS.indexOf(day as Weekday);
      if (weekday >= 0) return weekday;
      throw new ConfigurationError(
        `${location}[${index}]: ${shown(day)} is not a weekday; expected one of ${WEEKDAY_LIST}.`,
        'Write weekdays as three lower-case letters, e.g. [mon, tue, wed, thu].',
      );
    }),
  );
}

/** Minutes after midnight for "HH:MM"; "24:00" only where `allowMidnightEnd`. */
function parseTime(value: unknown, location: string, allowMidnightEnd: boolean): number {
  const match = typeof value === 'string' ? /^(\d\d):(\d\d)$/.exec(value) : null;
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  const valid =
    match !== null && Number(match[2]) < 60 && (minutes < 1440 || (allowMidnightEnd && minutes === 1440));
  if (valid) return minutes;
  const range = allowMidnightEnd ? '00:00 to 24:00' : '00:00 to 23:59';
  throw new ConfigurationError(
    `${location}: ${shown(value)} is not a time; expected "HH:MM" in 24-hour form, ${range}.`,
    'Write two-digit hours and minutes, e.g. "09:00" or "16:30", and quote the value in YAML.',
  );
}

/** Days since 1970-01-01 for a real calendar date "YYYY-MM-DD". */
function parseDate(value: unknown, location: string): number {
  const match = typeof value === 'string' ? /^(\d{4})-(\d\d)-(\d\d)$/.exec(value) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    // Date.UTC rolls 2026-02-30 over into March; a real date survives the round trip.
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) {
      return date.getTime() / DAY;
    }
  }
  throw new ConfigurationError(
    `${location}: ${shown(value)} is not a date; expected a calendar date written YYYY-MM-DD.`,
    'Write a date that exists, e.g. "2026-12-20", and quote it in YAML.',
  );
}

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value instanceof Date) return `a timestamp (${value.toISOString()})`;
  return JSON.stringify(value) ?? String(value);
}
