// The time-zone clock for schedules: local wall-clock times and UTC offsets via Intl, with caches.

// Zone arithmetic. A "wall" value is a local date and time written as milliseconds since the
// epoch as if it were UTC, so that day and minute fall out by division.

export const MINUTE = 60_000;
export const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatterFor(zone: string): Intl.DateTimeFormat {
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
export function wallClockAt(instant: number, zone: string): number {
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
export function instantsOfWall(wall: number, zone: string): number[] {
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
export function firstOffsetChangeBetween(start: number, end: number, zone: string): number | undefined {
  const startOffset = offsetAt(start, zone);
  for (let low = start; low < end; low += DAY) {
    const high = Math.min(low + DAY, end);
    if (offsetAt(high, zone) !== startOffset) return firstInstantWithNewOffset(low, high, zone);
  }
  return undefined;
}

export function dayOf(wall: number): number {
  return Math.floor(wall / DAY);
}

/** 0 is Sunday; day 0 (1970-01-01) was a Thursday. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}
