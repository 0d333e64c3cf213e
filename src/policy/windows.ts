import {
  compileSchedule,
  WEEKDAYS,
  type CompiledFreeze,
  type CompiledSchedule,
  type CompiledWindow,
} from './schedule-check.js';
import {
  DAY,
  dayOf,
  firstOffsetChangeBetween,
  instantsOfWall,
  MINUTE,
  wallClockAt,
  weekdayOf,
} from './zone-clock.js';

export { checkSchedule } from './schedule-check.js';

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

const WEEK_ORDER: readonly number[] = [1, 2, 3, 4, 5, 6, 0];

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
