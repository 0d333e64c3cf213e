import { ConfigurationError } from '../errors.js';

/**
 * Deploy change windows and freezes: when may a deploy start? Pure: the caller passes the
 * schedule and the moment. Time-zone arithmetic is done with `Intl.DateTimeFormat` only.
 *
 * Windows are matched by local wall-clock time: a moment is inside a window when the clock on the
 * wall in the window's zone reads a time inside it. So on a spring-forward day a window starting
 * in the skipped hour opens when the clock jumps (02:30 → at 03:00), and in a repeated autumn hour
 * the window is open on both passes.
 */

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/**
 * A weekly window in which deploys may start: `from` inclusive, `to` exclusive, "HH:MM" 24-hour
 * local time in `timezone` (IANA). `to` may be "24:00". If `to` <= `from` the window runs past
 * midnight into the next day (e.g. fri 22:00–02:00 covers Fri 22:00 to Sat 02:00).
 */
export interface ChangeWindow {
  days: Weekday[];
  from: string;
  to: string;
  timezone: string;
}

/** A freeze: whole local dates `from`..`to` inclusive (YYYY-MM-DD) in `timezone`; no deploy may start. */
export interface Freeze {
  from: string;
  to: string;
  reason: string;
  timezone: string;
}

/** No windows means always open, except during freezes. */
export interface Schedule {
  windows: ChangeWindow[];
  freezes: Freeze[];
}

/** Whether a deploy may start now, and if not, why and when it may. */
export interface WindowStatus {
  open: boolean;
  /** Why it is closed: 'outside-window' or 'freeze'. */
  closedBy?: 'outside-window' | 'freeze' | undefined;
  /** The freeze in force, when closedBy is 'freeze' (the object from the schedule). */
  freeze?: Freeze | undefined;
  /** When the next allowed moment starts (closed only); undefined if none within 400 days. */
  nextOpen?: Date | undefined;
  /**
   * The window that admits the moment: now when open, `nextOpen` when closed. Undefined when the
   * schedule has no windows, or when nothing opens within 400 days.
   */
  window?: ChangeWindow | undefined;
  /** One sentence for people, naming the window or freeze and, when closed, the next opening. */
  text: string;
}

/** How far ahead `nextOpen` is searched. */
export const NEXT_OPEN_SEARCH_DAYS = 400;

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Indexed like `Date.prototype.getUTCDay`: 0 is Sunday. */
const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const WEEK_ORDER: readonly number[] = [1, 2, 3, 4, 5, 6, 0];
const WEEKDAY_LIST = 'mon, tue, wed, thu, fri, sat, sun';

interface CompiledWindow {
  source: ChangeWindow;
  /** Weekday indexes, 0 is Sunday. */
  days: Set<number>;
  /** Minutes after local midnight. */
  from: number;
  /** Minutes after local midnight; 1440 for "24:00". */
  to: number;
}

interface CompiledFreeze {
  source: Freeze;
  /** Days since 1970-01-01, local to the freeze's zone. */
  firstDay: number;
  lastDay: number;
}

interface CompiledSchedule {
  windows: CompiledWindow[];
  freezes: CompiledFreeze[];
}

// ---------------------------------------------------------------------------------------------
// Validation

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

function compileSchedule(schedule: Schedule, where: string): CompiledSchedule {
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

// ---------------------------------------------------------------------------------------------
// Zone arithmetic. A "wall" value is a local date and time written as milliseconds since the
// epoch as if it were UTC, so that day and minute fall out by division.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** The last answer per zone: a step of the search asks the same of every freeze in a zone. */
const lastWallClock = new Map<string, { instant: number; wall: number }>();

/** The local wall clock in `zone` at `instant`, to the second. */
function wallClockAt(instant: number, zone: string): number {
  const last = lastWallClock.get(zone);
  if (last?.instant === instant) return last.wall;
  const wall = formatWallClock(instant, zone);
  lastWallClock.set(zone, { instant, wall });
  return wall;
}

function formatWallClock(instant: number, zone: string): number {
  const fields = { year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(zone).formatToParts(instant)) {
    if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
  }
  const { year, month, day, hour, minute, second } = fields;
  return Date.UTC(year, month - 1, day, hour % 24, minute, second);
}

/** The zone's UTC offset at `instant`, in milliseconds. */
function offsetAt(instant: number, zone: string): number {
  return wallClockAt(instant, zone) - Math.floor(instant / 1000) * 1000;
}

/**
 * Every instant at which the wall clock in `zone` reads `wall`: one normally, two in a repeated
 * (autumn) hour. A time skipped by a spring-forward jump never shows on the clock; the instant of
 * the jump stands in for it, as the first moment at or after that local time.
 */
function instantsOfWall(wall: number, zone: string): number[] {
  const offsetBefore = offsetAt(wall - DAY, zone);
  const offsetAfter = offsetAt(wall + DAY, zone);
  const instants = [...new Set([wall - offsetBefore, wall - offsetAfter])]
    .filter((instant) => wallClockAt(instant, zone) === wall)
    .sort((a, b) => a - b);
  if (instants.length > 0) return instants;
  return [firstInstantWithNewOffset(wall - offsetAfter, wall - offsetBefore, zone)];
}

/**
 * The instant at which the zone's offset changes between `low` (old offset) and `high` (new
 * offset), by bisection. Offsets change only on whole minutes, so minute steps find it exactly.
 */
function firstInstantWithNewOffset(low: number, high: number, zone: string): number {
  let before = Math.floor(low / MINUTE);
  let after = Math.ceil(high / MINUTE);
  const oldOffset = offsetAt(before * MINUTE, zone);
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (offsetAt(middle * MINUTE, zone) === oldOffset) before = middle;
    else after = middle;
  }
  return after * MINUTE;
}

/** The first offset change (DST jump) in (start, end], or undefined. Assumes at most one a day. */
function firstOffsetChangeBetween(start: number, end: number, zone: string): number | undefined {
  const startOffset = offsetAt(start, zone);
  for (let low = start; low < end; low += DAY) {
    const high = Math.min(low + DAY, end);
    if (offsetAt(high, zone) !== startOffset) return firstInstantWithNewOffset(low, high, zone);
  }
  return undefined;
}

function dayOf(wall: number): number {
  return Math.floor(wall / DAY);
}

/** 0 is Sunday; day 0 (1970-01-01) was a Thursday. */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

// ---------------------------------------------------------------------------------------------
// Membership and search

function isInsideWindow(window: CompiledWindow, instant: number): boolean {
  const wall = wallClockAt(instant, window.source.timezone);
  const day = dayOf(wall);
  const minute = Math.floor((wall - day * DAY) / MINUTE);
  const startsToday = window.days.has(weekdayOf(day)) && minute >= window.from;
  if (window.from < window.to) return startsToday && minute < window.to;
  const startedYesterday = window.days.has(weekdayOf(day - 1)) && minute < window.to;
  return startsToday || startedYesterday;
}

function windowAt(windows: CompiledWindow[], instant: number): CompiledWindow | undefined {
  return windows.find((window) => isInsideWindow(window, instant));
}

function isInsideWindows(windows: CompiledWindow[], instant: number): boolean {
  return windows.length === 0 || windowAt(windows, instant) !== undefined;
}

function freezeAt(freezes: CompiledFreeze[], instant: number): CompiledFreeze | undefined {
  return freezes.find((freeze) => {
    const day = dayOf(wallClockAt(instant, freeze.source.timezone));
    return day >= freeze.firstDay && day <= freeze.lastDay;
  });
}

/** The first instant after `instant` at which the freeze's last local date is over. */
function freezeEndAfter(freeze: CompiledFreeze, instant: number): number {
  const midnights = instantsOfWall((freeze.lastDay + 1) * DAY, freeze.source.timezone);
  return midnights.find((midnight) => midnight > instant) ?? instant + MINUTE;
}

/**
 * The first instant after `instant` at which the window may open: its start time on one of its
 * days, or a DST jump (which can move the wall clock into the window).
 */
function nextStartOfWindow(window: CompiledWindow, instant: number): number | undefined {
  const zone = window.source.timezone;
  const today = dayOf(wallClockAt(instant, zone));
  let start: number | undefined;
  for (let day = today - 1; day <= today + 8 && start === undefined; day++) {
    if (!window.days.has(weekdayOf(day))) continue;
    start = instantsOfWall(day * DAY + window.from * MINUTE, zone).find((candidate) => candidate > instant);
  }
  const jump = firstOffsetChangeBetween(instant, start ?? instant + 9 * DAY, zone);
  return jump !== undefined && (start === undefined || jump < start) ? jump : start;
}

function nextStartOfAnyWindow(windows: CompiledWindow[], instant: number): number | undefined {
  let earliest: number | undefined;
  for (const window of windows) {
    const start = nextStartOfWindow(window, instant);
    if (start !== undefined && (earliest === undefined || start < earliest)) earliest = start;
  }
  return earliest;
}

/**
 * The earliest instant >= `now` inside a window and inside no freeze, at minute resolution, or
 * undefined if none within the search horizon. Jumps from candidate to candidate (window starts,
 * freeze ends, DST jumps), so a freeze costs one step however long it lasts.
 */
function findNextOpen(schedule: CompiledSchedule, now: number): number | undefined {
  const horizon = now + NEXT_OPEN_SEARCH_DAYS * DAY;
  let moment = now;
  while (moment <= horizon) {
    const freeze = freezeAt(schedule.freezes, moment);
    if (freeze) {
      moment = freezeEndAfter(freeze, moment);
      continue;
    }
    if (isInsideWindows(schedule.windows, moment)) return moment;
    const next = nextStartOfAnyWindow(schedule.windows, moment);
    if (next === undefined) return undefined;
    moment = next;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Status and text

/**
 * Whether a deploy may start at `now` under `schedule`, and if not, why and when it next may.
 * Checks the schedule first (as `checkSchedule(schedule, 'schedule')`), so a bad schedule throws
 * ConfigurationError rather than answering wrongly.
 */
export function windowStatus(schedule: Schedule, now: Date): WindowStatus {
  const compiled = compileSchedule(schedule, 'schedule');
  const instant = now.getTime();
  if (Number.isNaN(instant)) throw new RangeError('windowStatus: `now` is an invalid Date.');
  const freeze = freezeAt(compiled.freezes, instant);
  const window = windowAt(compiled.windows, instant);
  if (!freeze && (window || compiled.windows.length === 0)) {
    const where = window ? `window ${describeWindow(window)}` : 'no change windows set, no freeze in force';
    return { open: true, window: window?.source, text: `open now (${where})` };
  }
  const found = findNextOpen(compiled, instant);
  const nextOpen = found === undefined ? undefined : new Date(found);
  const nextWindow = found === undefined ? undefined : windowAt(compiled.windows, found);
  const zone = nextWindow?.source.timezone ?? freeze?.source.timezone ?? 'UTC';
  const closed = { open: false, nextOpen, window: nextWindow?.source };
  if (freeze) {
    const then = nextOpen
      ? `deploys open again ${describeMoment(nextOpen, zone)}`
      : `deploys do not open again within ${NEXT_OPEN_SEARCH_DAYS} days`;
    const text = `closed: freeze ${describeFreeze(freeze)}; ${then}`;
    return { ...closed, closedBy: 'freeze', freeze: freeze.source, text };
  }
  const then = nextOpen
    ? `the next window opens ${describeMoment(nextOpen, zone)}`
    : `no window opens within ${NEXT_OPEN_SEARCH_DAYS} days outside the freezes`;
  const text = `closed: outside the change windows (${compiled.windows.map(describeWindow).join('; ')}); ${then}`;
  return { ...closed, closedBy: 'outside-window', text };
}

/** "Mon–Thu 09:00–16:00 Europe/Berlin". */
function describeWindow(window: CompiledWindow): string {
  const { from, to, timezone } = window.source;
  return `${describeDays(window.days)} ${from}–${to} ${timezone}`;
}

/** Runs of three or more days as "Mon–Thu", others listed: "Mon, Wed, Fri–Sun". */
function describeDays(days: Set<number>): string {
  const runs: number[][] = [];
  for (const day of WEEK_ORDER.filter((weekday) => days.has(weekday))) {
    const run = runs.at(-1);
    const previous = run?.at(-1);
    if (run && previous !== undefined && WEEK_ORDER.indexOf(previous) + 1 === WEEK_ORDER.indexOf(day)) {
      run.push(day);
    } else runs.push([day]);
  }
  return runs
    .flatMap((run) => (run.length >= 3 ? [`${dayName(run[0]!)}–${dayName(run.at(-1)!)}`] : run.map(dayName)))
    .join(', ');
}

function dayName(weekday: number): string {
  const name = WEEKDAYS[weekday]!;
  return name[0]!.toUpperCase() + name.slice(1);
}

/** "\"Year-end\" 2026-12-20 to 2027-01-04 (Europe/Berlin)". */
function describeFreeze(freeze: CompiledFreeze): string {
  const { from, to, reason, timezone } = freeze.source;
  const dates = from === to ? from : `${from} to ${to}`;
  return `${JSON.stringify(reason)} ${dates} (${timezone})`;
}

/** "Tue 2026-11-24 09:00 Europe/Berlin (2026-11-24T08:00:00Z)". */
function describeMoment(moment: Date, zone: string): string {
  const wall = wallClockAt(moment.getTime(), zone);
  const local = new Date(wall).toISOString();
  const utc = moment.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `${dayName(weekdayOf(dayOf(wall)))} ${local.slice(0, 10)} ${local.slice(11, 16)} ${zone} (${utc})`;
}
