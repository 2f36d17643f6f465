/** The journey's clock: what every expiry is measured on. A test moves it; nothing else does. */
export interface MockClock {
  /** The mock's current time, in milliseconds since the epoch. */
  now(): number;
  /** Moves the clock forward by `ms` (a finite number of at least 0) and returns the new time. */
  advance(ms: number): number;
}

/** A clock that starts at `start` and moves only when told. */
export function manualClock(start: number): MockClock {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      if (typeof ms != "number" || !Number.isFinite(ms) || ms < 0) throw new TypeError("clock.advance takes a finite number of milliseconds, at least 0");
      return (now += ms);
    },
  };
}
