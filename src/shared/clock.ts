/**
 * The clock, injected everywhere a "now" or "today" is needed, so tests never depend on the real date.
 * Calendar dates are China time (UTC+8, no daylight saving): the date an office sees on its wall.
 */

/** A source of the current instant. */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock fixed at `iso` (advance it with {@link FixedClock.advance}); for tests and the demo. */
export class FixedClock implements Clock {
  private instant: number;
  /** @param iso an ISO 8601 instant, e.g. `2026-11-30T02:00:00Z` */
  constructor(iso: string) {
    this.instant = Date.parse(iso);
  }
  /** The fixed instant. */
  now(): Date {
    return new Date(this.instant);
  }
  /** Moves the clock forward by `ms` milliseconds. */
  advance(ms: number): void {
    this.instant += ms;
  }
}

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** The China-time calendar date (`YYYY-MM-DD`) of an instant. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today's date in China time, `YYYY-MM-DD`, by the given clock. */
export function today(clock: Clock): string {
  return chinaDate(clock.now());
}

/** The ISO 8601 UTC text of the clock's current instant: how instants are stored. */
export function nowIso(clock: Clock): string {
  return clock.now().toISOString();
}
