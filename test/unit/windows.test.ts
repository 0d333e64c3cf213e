import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/errors.js';
import {
  checkSchedule,
  windowStatus,
  type ChangeWindow,
  type Freeze,
  type Schedule,
  type Weekday,
} from '../../src/policy/windows.js';

const window = (days: Weekday[], from: string, to: string, timezone = 'Europe/Berlin'): ChangeWindow => ({
  days,
  from,
  to,
  timezone,
});
const freeze = (from: string, to: string, reason = 'Year-end', timezone = 'Europe/Berlin'): Freeze => ({
  from,
  to,
  reason,
  timezone,
});
const schedule = (windows: ChangeWindow[], freezes: Freeze[] = []): Schedule => ({ windows, freezes });
const statusAt = (plan: Schedule, iso: string) => windowStatus(plan, new Date(iso));
const isOpenAt = (plan: Schedule, iso: string) => statusAt(plan, iso).open;
const nextOpenAt = (plan: Schedule, iso: string) => statusAt(plan, iso).nextOpen?.toISOString();

// Berlin is UTC+1 in winter (CET), UTC+2 in summer (CEST). 2026-11-23 is a Monday.
const officeHours = window(['mon', 'tue', 'wed', 'thu'], '09:00', '16:00');
const office = schedule([officeHours]);

describe('a single change window', () => {
  it('is open inside the window and names it', () => {
    const status = statusAt(office, '2026-11-23T10:00:00Z');
    expect(status).toEqual({
      open: true,
      window: officeHours,
      text: 'open now (window Mon–Thu 09:00–16:00 Europe/Berlin)',
    });
    expect(status.nextOpen).toBeUndefined();
    expect(status.closedBy).toBeUndefined();
  });

  it('is closed before the window opens, and says when it does', () => {
    const status = statusAt(office, '2026-11-23T07:30:00Z');
    expect(status.open).toBe(false);
    expect(status.closedBy).toBe('outside-window');
    expect(status.freeze).toBeUndefined();
    expect(status.window).toBe(officeHours);
    expect(status.nextOpen?.toISOString()).toBe('2026-11-23T08:00:00.000Z');
    expect(status.text).toBe(
      'closed: outside the change windows (Mon–Thu 09:00–16:00 Europe/Berlin); ' +
        'the next window opens Mon 2026-11-23 09:00 Europe/Berlin (2026-11-23T08:00:00Z)',
    );
  });

  it('is closed after the window, until the next day’s window', () => {
    expect(isOpenAt(office, '2026-11-23T15:30:00Z')).toBe(false);
    expect(nextOpenAt(office, '2026-11-23T15:30:00Z')).toBe('2026-11-24T08:00:00.000Z');
    expect(statusAt(office, '2026-11-23T15:30:00Z').text).toContain(
      'the next window opens Tue 2026-11-24 09:00 Europe/Berlin (2026-11-24T08:00:00Z)',
    );
  });

  it('is open exactly at `from` and closed exactly at `to`', () => {
    expect(isOpenAt(office, '2026-11-23T08:00:00Z')).toBe(true);
    expect(isOpenAt(office, '2026-11-23T07:59:59.999Z')).toBe(false);
    expect(isOpenAt(office, '2026-11-23T14:59:59.999Z')).toBe(true);
    expect(isOpenAt(office, '2026-11-23T15:00:00Z')).toBe(false);
  });

  it('finds the next opening at minute resolution, never before now', () => {
    expect(nextOpenAt(office, '2026-11-23T07:59:30.500Z')).toBe('2026-11-23T08:00:00.000Z');
    expect(isOpenAt(office, '2026-11-23T08:00:30Z')).toBe(true);
  });

  it('skips the days that are not listed, including the weekend', () => {
    expect(isOpenAt(office, '2026-11-27T10:00:00Z')).toBe(false);
    expect(nextOpenAt(office, '2026-11-26T15:00:00Z')).toBe('2026-11-30T08:00:00.000Z');
    expect(nextOpenAt(office, '2026-11-28T10:00:00Z')).toBe('2026-11-30T08:00:00.000Z');
  });

  it('runs past midnight when `to` is not after `from`', () => {
    const friNight = schedule([window(['fri'], '22:00', '02:00', 'UTC')]);
    expect(isOpenAt(friNight, '2026-11-27T21:59:00Z')).toBe(false);
    expect(nextOpenAt(friNight, '2026-11-27T21:59:00Z')).toBe('2026-11-27T22:00:00.000Z');
    expect(isOpenAt(friNight, '2026-11-27T22:00:00Z')).toBe(true);
    expect(isOpenAt(friNight, '2026-11-28T00:00:00Z')).toBe(true);
    expect(isOpenAt(friNight, '2026-11-28T01:59:00Z')).toBe(true);
    expect(isOpenAt(friNight, '2026-11-28T02:00:00Z')).toBe(false);
    expect(nextOpenAt(friNight, '2026-11-28T02:00:00Z')).toBe('2026-12-04T22:00:00.000Z');
    // Thursday night is not covered: the window starts on Fridays only.
    expect(isOpenAt(friNight, '2026-11-26T23:00:00Z')).toBe(false);
    expect(isOpenAt(friNight, '2026-11-27T01:00:00Z')).toBe(false);
    expect(isOpenAt(friNight, '2026-11-28T23:00:00Z')).toBe(false);
  });

  it('treats equal `from` and `to` as a whole day', () => {
    const allMonday = schedule([window(['mon'], '00:00', '00:00', 'UTC')]);
    expect(isOpenAt(allMonday, '2026-11-23T00:00:00Z')).toBe(true);
    expect(isOpenAt(allMonday, '2026-11-23T23:59:00Z')).toBe(true);
    expect(isOpenAt(allMonday, '2026-11-24T00:00:00Z')).toBe(false);
    expect(isOpenAt(allMonday, '2026-11-22T23:59:00Z')).toBe(false);
  });

  it('accepts 24:00 as the end of the day', () => {
    const evening = schedule([window(['mon'], '18:00', '24:00', 'UTC')]);
    expect(isOpenAt(evening, '2026-11-23T17:59:00Z')).toBe(false);
    expect(isOpenAt(evening, '2026-11-23T18:00:00Z')).toBe(true);
    expect(isOpenAt(evening, '2026-11-23T23:59:59Z')).toBe(true);
    expect(isOpenAt(evening, '2026-11-24T00:00:00Z')).toBe(false);
    expect(nextOpenAt(evening, '2026-11-24T00:00:00Z')).toBe('2026-11-30T18:00:00.000Z');
    expect(statusAt(evening, '2026-11-23T20:00:00Z').text).toBe('open now (window Mon 18:00–24:00 UTC)');
  });

  it('names the days as runs and lists', () => {
    const text = (days: Weekday[]) =>
      statusAt(schedule([window(days, '00:00', '24:00', 'UTC')]), '2026-11-23T12:00:00Z').text;
    expect(text(['mon', 'wed', 'fri'])).toBe('open now (window Mon, Wed, Fri 00:00–24:00 UTC)');
    expect(text(['sun', 'sat', 'fri', 'wed', 'tue', 'mon'])).toBe(
      'open now (window Mon–Wed, Fri–Sun 00:00–24:00 UTC)',
    );
    expect(text(['mon', 'tue'])).toBe('open now (window Mon, Tue 00:00–24:00 UTC)');
  });
});

describe('several windows', () => {
  const fridayNewYork = window(['fri'], '10:00', '12:00', 'America/New_York');
  const both = schedule([officeHours, fridayNewYork]);

  it('is open inside any of them, naming the one that admits now', () => {
    expect(statusAt(both, '2026-11-23T10:00:00Z').text).toBe(
      'open now (window Mon–Thu 09:00–16:00 Europe/Berlin)',
    );
    // New York is UTC-5 in November: 10:00–12:00 is 15:00–17:00Z.
    const friday = statusAt(both, '2026-11-27T16:00:00Z');
    expect(friday.open).toBe(true);
    expect(friday.window).toBe(fridayNewYork);
    expect(friday.text).toBe('open now (window Fri 10:00–12:00 America/New_York)');
    expect(isOpenAt(both, '2026-11-27T17:00:00Z')).toBe(false);
  });

  it('reports the earliest next opening, in the zone of the window that opens', () => {
    const status = statusAt(both, '2026-11-26T15:00:00Z');
    expect(status.nextOpen?.toISOString()).toBe('2026-11-27T15:00:00.000Z');
    expect(status.window).toBe(fridayNewYork);
    expect(status.text).toBe(
      'closed: outside the change windows (Mon–Thu 09:00–16:00 Europe/Berlin; Fri 10:00–12:00 America/New_York); ' +
        'the next window opens Fri 2026-11-27 10:00 America/New_York (2026-11-27T15:00:00Z)',
    );
    expect(nextOpenAt(both, '2026-11-27T17:00:00Z')).toBe('2026-11-30T08:00:00.000Z');
  });
});

describe('freezes', () => {
  it('override a window', () => {
    const rc = freeze('2026-11-23', '2026-11-24', 'Release candidate');
    const plan = schedule([officeHours], [rc]);
    const status = statusAt(plan, '2026-11-23T10:00:00Z');
    expect(status.open).toBe(false);
    expect(status.closedBy).toBe('freeze');
    expect(status.freeze).toBe(rc);
    expect(status.nextOpen?.toISOString()).toBe('2026-11-25T08:00:00.000Z');
    expect(status.text).toBe(
      'closed: freeze "Release candidate" 2026-11-23 to 2026-11-24 (Europe/Berlin); ' +
        'deploys open again Wed 2026-11-25 09:00 Europe/Berlin (2026-11-25T08:00:00Z)',
    );
  });

  it('report the freeze even outside the windows', () => {
    const plan = schedule([officeHours], [freeze('2026-11-23', '2026-11-24')]);
    const status = statusAt(plan, '2026-11-23T20:00:00Z');
    expect(status.closedBy).toBe('freeze');
    expect(status.nextOpen?.toISOString()).toBe('2026-11-25T08:00:00.000Z');
  });

  it('span a year boundary in whole local dates of their zone', () => {
    const yearEnd = freeze('2026-12-20', '2027-01-04');
    const plan = schedule([], [yearEnd]);
    expect(isOpenAt(plan, '2026-12-19T22:59:00Z')).toBe(true);
    expect(isOpenAt(plan, '2026-12-19T23:00:00Z')).toBe(false);
    expect(isOpenAt(plan, '2026-12-31T23:30:00Z')).toBe(false);
    expect(isOpenAt(plan, '2027-01-04T22:59:00Z')).toBe(false);
    expect(isOpenAt(plan, '2027-01-04T23:00:00Z')).toBe(true);
    const status = statusAt(plan, '2026-12-31T23:30:00Z');
    expect(status.freeze).toBe(yearEnd);
    expect(status.window).toBeUndefined();
    expect(status.text).toBe(
      'closed: freeze "Year-end" 2026-12-20 to 2027-01-04 (Europe/Berlin); ' +
        'deploys open again Tue 2027-01-05 00:00 Europe/Berlin (2027-01-04T23:00:00Z)',
    );
  });

  it('with a window, release at the first window after the freeze', () => {
    const plan = schedule([officeHours], [freeze('2026-12-20', '2027-01-04')]);
    expect(statusAt(plan, '2026-12-22T10:00:00Z').text).toBe(
      'closed: freeze "Year-end" 2026-12-20 to 2027-01-04 (Europe/Berlin); ' +
        'deploys open again Tue 2027-01-05 09:00 Europe/Berlin (2027-01-05T08:00:00Z)',
    );
  });

  it('are skipped together with a following weekend', () => {
    // The freeze ends on Thursday 2027-01-07; Friday to Sunday have no window.
    const plan = schedule([officeHours], [freeze('2026-12-21', '2027-01-07')]);
    expect(nextOpenAt(plan, '2026-12-22T10:00:00Z')).toBe('2027-01-11T08:00:00.000Z');
  });

  it('are skipped in a chain when they overlap or touch', () => {
    const plan = schedule(
      [officeHours],
      [
        freeze('2026-12-20', '2026-12-27'),
        freeze('2026-12-24', '2027-01-04'),
        freeze('2027-01-05', '2027-01-05'),
      ],
    );
    expect(nextOpenAt(plan, '2026-12-21T10:00:00Z')).toBe('2027-01-06T08:00:00.000Z');
  });

  it('end at midnight in their own zone, which may fall inside a window elsewhere', () => {
    // Los Angeles is UTC-8: its 2026-11-23 ends at 2026-11-24T08:00Z, 13:30 in Kolkata.
    const kolkata = window(['mon', 'tue', 'wed', 'thu', 'fri'], '09:00', '17:30', 'Asia/Kolkata');
    const plan = schedule(
      [kolkata],
      [freeze('2026-11-22', '2026-11-23', 'Migration', 'America/Los_Angeles')],
    );
    const status = statusAt(plan, '2026-11-24T05:00:00Z');
    expect(status.closedBy).toBe('freeze');
    expect(status.nextOpen?.toISOString()).toBe('2026-11-24T08:00:00.000Z');
    expect(status.text).toContain(
      'deploys open again Tue 2026-11-24 13:30 Asia/Kolkata (2026-11-24T08:00:00Z)',
    );
  });

  it('with no windows, leave every other moment open', () => {
    const plan = schedule([], [freeze('2026-12-20', '2027-01-04')]);
    expect(statusAt(plan, '2026-11-27T03:00:00Z')).toEqual({
      open: true,
      window: undefined,
      text: 'open now (no change windows set, no freeze in force)',
    });
    expect(isOpenAt(schedule([]), '2026-11-28T03:00:00Z')).toBe(true);
  });

  it('give no next opening when none comes within 400 days', () => {
    const now = '2026-01-01T00:00:00Z';
    // A freeze to 2027-02-03 (UTC) ends 399 days after now; one to 2027-02-05 ends after 401.
    expect(nextOpenAt(schedule([], [freeze('2026-01-01', '2027-02-03', 'Long', 'UTC')]), now)).toBe(
      '2027-02-04T00:00:00.000Z',
    );
    const status = statusAt(schedule([], [freeze('2026-01-01', '2027-02-05', 'Long', 'UTC')]), now);
    expect(status.open).toBe(false);
    expect(status.nextOpen).toBeUndefined();
    expect(status.text).toBe(
      'closed: freeze "Long" 2026-01-01 to 2027-02-05 (UTC); deploys do not open again within 400 days',
    );
  });

  it('leave no opening when every window falls inside them', () => {
    const plan = schedule([officeHours], [freeze('2026-11-01', '2028-12-31', 'Long', 'UTC')]);
    const status = statusAt(plan, '2026-11-27T10:00:00Z');
    expect(status.closedBy).toBe('freeze');
    expect(status.nextOpen).toBeUndefined();
    const outside = statusAt(
      schedule([officeHours], [freeze('2026-11-28', '2028-12-31', 'Long', 'UTC')]),
      '2026-11-27T10:00:00Z',
    );
    expect(outside.closedBy).toBe('outside-window');
    expect(outside.nextOpen).toBeUndefined();
    expect(outside.text).toBe(
      'closed: outside the change windows (Mon–Thu 09:00–16:00 Europe/Berlin); no window opens within 400 days outside the freezes',
    );
  });

  it('print a one-day freeze as one date', () => {
    const plan = schedule([], [freeze('2026-11-23', '2026-11-23', 'Audit', 'UTC')]);
    expect(statusAt(plan, '2026-11-23T12:00:00Z').text).toBe(
      'closed: freeze "Audit" 2026-11-23 (UTC); deploys open again Tue 2026-11-24 00:00 UTC (2026-11-24T00:00:00Z)',
    );
  });
});

describe('daylight saving time', () => {
  // Europe/Berlin springs forward on 2026-03-29 (02:00 CET → 03:00 CEST, at 01:00Z) and falls
  // back on 2026-10-25 (03:00 CEST → 02:00 CET, at 01:00Z).
  const weekdays = schedule([window(['mon', 'tue', 'wed', 'thu', 'fri'], '09:00', '16:00')]);

  it('keeps a window at the same local time across the spring change', () => {
    expect(isOpenAt(weekdays, '2026-03-27T08:00:00Z')).toBe(true);
    expect(isOpenAt(weekdays, '2026-03-27T07:59:00Z')).toBe(false);
    expect(nextOpenAt(weekdays, '2026-03-27T16:00:00Z')).toBe('2026-03-30T07:00:00.000Z');
    expect(isOpenAt(weekdays, '2026-03-30T06:59:00Z')).toBe(false);
    expect(isOpenAt(weekdays, '2026-03-30T13:59:00Z')).toBe(true);
    expect(isOpenAt(weekdays, '2026-03-30T14:00:00Z')).toBe(false);
  });

  it('starts a window whose start time is skipped when the clock jumps', () => {
    const skipped = schedule([window(['sun'], '02:30', '04:00')]);
    const status = statusAt(skipped, '2026-03-29T00:59:00Z');
    expect(status.open).toBe(false);
    expect(status.nextOpen?.toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(status.text).toContain(
      'the next window opens Sun 2026-03-29 03:00 Europe/Berlin (2026-03-29T01:00:00Z)',
    );
    expect(isOpenAt(skipped, '2026-03-29T01:00:00Z')).toBe(true);
    expect(isOpenAt(skipped, '2026-03-29T01:59:00Z')).toBe(true);
    expect(isOpenAt(skipped, '2026-03-29T02:00:00Z')).toBe(false);
    // The Sunday before, in winter time, the same window is 01:30–03:00Z.
    expect(nextOpenAt(skipped, '2026-03-22T00:00:00Z')).toBe('2026-03-22T01:30:00.000Z');
  });

  it('starts a window at a skipped time in New York too', () => {
    // 2026-03-08 02:00 EST → 03:00 EDT at 07:00Z.
    const skipped = schedule([window(['sun'], '02:00', '05:00', 'America/New_York')]);
    expect(nextOpenAt(skipped, '2026-03-08T06:59:00Z')).toBe('2026-03-08T07:00:00.000Z');
    expect(isOpenAt(skipped, '2026-03-08T08:59:00Z')).toBe(true);
    expect(isOpenAt(skipped, '2026-03-08T09:00:00Z')).toBe(false);
  });

  it('keeps a window at the same local time across the autumn change', () => {
    expect(isOpenAt(weekdays, '2026-10-23T07:00:00Z')).toBe(true);
    expect(nextOpenAt(weekdays, '2026-10-23T15:00:00Z')).toBe('2026-10-26T08:00:00.000Z');
    expect(isOpenAt(weekdays, '2026-10-26T07:59:00Z')).toBe(false);
    expect(isOpenAt(weekdays, '2026-10-26T14:59:00Z')).toBe(true);
    expect(isOpenAt(weekdays, '2026-10-26T15:00:00Z')).toBe(false);
  });

  it('opens on both passes of a repeated hour, by the wall clock', () => {
    const night = schedule([window(['sun'], '01:00', '02:30')]);
    expect(isOpenAt(night, '2026-10-24T22:59:00Z')).toBe(false);
    expect(isOpenAt(night, '2026-10-24T23:00:00Z')).toBe(true); // 01:00 CEST
    expect(isOpenAt(night, '2026-10-25T00:29:00Z')).toBe(true); // 02:29 CEST
    expect(isOpenAt(night, '2026-10-25T00:30:00Z')).toBe(false); // 02:30 CEST
    const between = statusAt(night, '2026-10-25T00:30:00Z');
    expect(between.nextOpen?.toISOString()).toBe('2026-10-25T01:00:00.000Z'); // 02:00 CET
    expect(between.text).toContain(
      'the next window opens Sun 2026-10-25 02:00 Europe/Berlin (2026-10-25T01:00:00Z)',
    );
    expect(isOpenAt(night, '2026-10-25T01:29:00Z')).toBe(true); // 02:29 CET
    expect(nextOpenAt(night, '2026-10-25T01:30:00Z')).toBe('2026-11-01T00:00:00.000Z');
  });

  it('ends a freeze at the first moment of the next date when midnight is skipped', () => {
    // America/Santiago springs forward on 2026-09-06 at 00:00 (-04) → 01:00 (-03), at 04:00Z.
    const plan = schedule([], [freeze('2026-09-01', '2026-09-05', 'Quarter close', 'America/Santiago')]);
    const status = statusAt(plan, '2026-09-03T00:00:00Z');
    expect(status.nextOpen?.toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(status.text).toContain(
      'deploys open again Sun 2026-09-06 01:00 America/Santiago (2026-09-06T04:00:00Z)',
    );
    expect(isOpenAt(plan, '2026-09-06T03:59:00Z')).toBe(false);
    expect(isOpenAt(plan, '2026-09-06T04:00:00Z')).toBe(true);
  });

  it('agrees with a minute-by-minute scan around the changes', () => {
    const plans = [
      schedule([window(['sun'], '02:15', '02:45'), window(['sat'], '23:30', '00:30', 'America/Santiago')]),
      schedule(
        [window(['sat', 'sun'], '01:30', '02:15')],
        [freeze('2026-10-24', '2026-10-24', 'x', 'Asia/Kolkata')],
      ),
    ];
    const starts = [
      '2026-03-28T20:00:00Z',
      '2026-10-24T20:00:00Z',
      '2026-04-04T20:00:00Z',
      '2026-09-05T20:00:00Z',
    ];
    for (const plan of plans) {
      for (const start of starts) {
        const nextOpen = statusAt(plan, start).nextOpen?.getTime();
        let firstOpen: number | undefined;
        const begin = Date.parse(start);
        for (
          let minute = begin;
          minute < begin + 3 * 86_400_000 && firstOpen === undefined;
          minute += 60_000
        ) {
          if (windowStatus(plan, new Date(minute)).open) firstOpen = minute;
        }
        expect(firstOpen, `${JSON.stringify(plan)} from ${start}`).toBeDefined();
        expect(nextOpen, `${JSON.stringify(plan)} from ${start}`).toBe(firstOpen);
      }
    }
  });
});

describe('a zone with a half-hour offset', () => {
  // Asia/Kolkata is UTC+05:30 all year.
  const kolkata = schedule([window(['mon', 'tue', 'wed', 'thu', 'fri'], '09:00', '17:30', 'Asia/Kolkata')]);

  it('opens and closes on the half hour in UTC', () => {
    expect(isOpenAt(kolkata, '2026-11-23T03:29:00Z')).toBe(false);
    expect(isOpenAt(kolkata, '2026-11-23T03:30:00Z')).toBe(true);
    expect(isOpenAt(kolkata, '2026-11-23T11:59:00Z')).toBe(true);
    expect(isOpenAt(kolkata, '2026-11-23T12:00:00Z')).toBe(false);
    expect(nextOpenAt(kolkata, '2026-11-23T12:00:00Z')).toBe('2026-11-24T03:30:00.000Z');
    expect(statusAt(kolkata, '2026-11-23T03:29:00Z').text).toBe(
      'closed: outside the change windows (Mon–Fri 09:00–17:30 Asia/Kolkata); ' +
        'the next window opens Mon 2026-11-23 09:00 Asia/Kolkata (2026-11-23T03:30:00Z)',
    );
  });

  it('changes the local date at 18:30Z for a freeze', () => {
    const plan = schedule([], [freeze('2026-11-24', '2026-11-24', 'Diwali', 'Asia/Kolkata')]);
    expect(isOpenAt(plan, '2026-11-23T18:29:00Z')).toBe(true);
    expect(isOpenAt(plan, '2026-11-23T18:30:00Z')).toBe(false);
    expect(nextOpenAt(plan, '2026-11-23T18:30:00Z')).toBe('2026-11-24T18:30:00.000Z');
  });
});

describe('checkSchedule', () => {
  const where = 'policy.yaml environments.prod';
  const errorFrom = (bad: Schedule): ConfigurationError => {
    try {
      checkSchedule(bad, where);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).hint).toBeTruthy();
      return error as ConfigurationError;
    }
    throw new Error('checkSchedule accepted a bad schedule');
  };
  const withWindow = (changes: Partial<ChangeWindow>) => schedule([{ ...officeHours, ...changes }]);
  const withFreeze = (changes: Partial<Freeze>) =>
    schedule([], [{ ...freeze('2026-12-20', '2027-01-04'), ...changes }]);

  it('accepts a good schedule', () => {
    expect(() =>
      checkSchedule(
        schedule(
          [
            officeHours,
            window(['fri'], '22:00', '02:00', 'Asia/Kolkata'),
            window(['sat'], '18:00', '24:00', 'UTC'),
          ],
          [
            freeze('2026-12-20', '2027-01-04'),
            freeze('2028-02-29', '2028-02-29', 'Leap day', 'America/New_York'),
          ],
        ),
        where,
      ),
    ).not.toThrow();
  });

  it('refuses an unknown time zone', () => {
    expect(errorFrom(withWindow({ timezone: 'Europe/Berln' })).message).toBe(
      `${where}.windows[0].timezone: "Europe/Berln" is not a known IANA time zone; expected a name such as "Europe/Berlin".`,
    );
    expect(errorFrom(withWindow({ timezone: '+01:00' })).message).toContain(
      `${where}.windows[0].timezone: "+01:00"`,
    );
    expect(errorFrom(withFreeze({ timezone: 'Mars/Olympus' })).message).toContain(
      `${where}.freezes[0].timezone: "Mars/Olympus" is not a known IANA time zone`,
    );
  });

  it('refuses an unknown weekday', () => {
    const error = errorFrom(withWindow({ days: ['mon', 'Fri' as Weekday] }));
    expect(error.message).toBe(
      `${where}.windows[0].days[1]: "Fri" is not a weekday; expected one of mon, tue, wed, thu, fri, sat, sun.`,
    );
  });

  it('refuses empty days', () => {
    expect(errorFrom(withWindow({ days: [] })).message).toBe(
      `${where}.windows[0].days: expected at least one weekday (mon, tue, wed, thu, fri, sat, sun), got [].`,
    );
  });

  it('refuses a time that is not HH:MM within the day', () => {
    expect(errorFrom(withWindow({ from: '25:00' })).message).toBe(
      `${where}.windows[0].from: "25:00" is not a time; expected "HH:MM" in 24-hour form, 00:00 to 23:59.`,
    );
    expect(errorFrom(withWindow({ to: '9:5' })).message).toBe(
      `${where}.windows[0].to: "9:5" is not a time; expected "HH:MM" in 24-hour form, 00:00 to 24:00.`,
    );
    expect(errorFrom(withWindow({ from: '24:00' })).message).toContain(`${where}.windows[0].from: "24:00"`);
    expect(errorFrom(withWindow({ to: '12:60' })).message).toContain(`${where}.windows[0].to: "12:60"`);
    expect(errorFrom(withWindow({ to: '24:01' })).message).toContain(`${where}.windows[0].to: "24:01"`);
    // YAML 1.1 reads an unquoted 09:00 as the number 540.
    expect(errorFrom(withWindow({ from: 540 as unknown as string })).message).toContain(
      `${where}.windows[0].from: 540 is not a time`,
    );
  });

  it('refuses a date that does not exist', () => {
    expect(errorFrom(withFreeze({ from: '2026-02-30', to: '2026-03-02' })).message).toBe(
      `${where}.freezes[0].from: "2026-02-30" is not a date; expected a calendar date written YYYY-MM-DD.`,
    );
    expect(errorFrom(withFreeze({ to: '2027-02-29' })).message).toContain(
      `${where}.freezes[0].to: "2027-02-29"`,
    );
    expect(errorFrom(withFreeze({ to: '2027-1-4' })).message).toContain(`${where}.freezes[0].to: "2027-1-4"`);
  });

  it('refuses a freeze that ends before it starts', () => {
    expect(errorFrom(withFreeze({ from: '2027-01-04', to: '2026-12-20' })).message).toBe(
      `${where}.freezes[0]: from 2027-01-04 is after to 2026-12-20; expected from on or before to.`,
    );
  });

  it('refuses a freeze without a reason', () => {
    expect(errorFrom(withFreeze({ reason: ' ' })).message).toContain(
      `${where}.freezes[0].reason: expected a short text`,
    );
  });

  it('refuses missing lists and names the entry that is wrong', () => {
    expect(errorFrom({ windows: [] } as unknown as Schedule).message).toBe(
      `${where}.freezes: expected a list of freezes, got nothing.`,
    );
    const second = schedule([officeHours, { ...officeHours, from: '7:00' }]);
    expect(errorFrom(second).message).toContain(`${where}.windows[1].from: "7:00"`);
  });

  it('is applied by windowStatus too', () => {
    expect(() => windowStatus(withWindow({ from: '25:00' }), new Date('2026-11-23T10:00:00Z'))).toThrow(
      /^schedule\.windows\[0\]\.from: "25:00" is not a time/,
    );
    expect(() => windowStatus(office, new Date('not a date'))).toThrow(RangeError);
  });
});
