// A clock the tests move by hand, so that reminders, escalations, digests and quiet periods
// come due without waiting real minutes. Give `clock.now` to the bot (botOptions.now).

export type TestClock = {
  /** The current moment; hand this function to the bot. */
  now: () => Date;
  /** Jumps to a moment, e.g. "2026-11-23T08:00:00Z". */
  set(moment: string | Date): Date;
  /** Moves forward, e.g. { minutes: 46 } or { days: 5, minutes: 1 }. */
  advance(by: { days?: number; hours?: number; minutes?: number }): Date;
};

export function testClock(start: string | Date): TestClock {
  let current = new Date(start);
  return {
    now: () => current,
    set(moment) {
      current = new Date(moment);
      return current;
    },
    advance({ days = 0, hours = 0, minutes = 0 }) {
      current = new Date(current.getTime() + ((days * 24 + hours) * 60 + minutes) * 60_000);
      return current;
    },
  };
}
