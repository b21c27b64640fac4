/**
 * Reconnect delays: exponential with full jitter (a random delay between 0 and base·2^attempt, capped).
 * Full jitter matters when a site restarts: thousands of agents lose it in the same instant and must not
 * all come back in the same instant.
 */
export interface BackoffOptions {
  /** The first ceiling, in ms (500 by default). */
  readonly baseMs?: number;
  /** The highest ceiling, in ms (60 s by default). */
  readonly capMs?: number;
  /** A number in [0, 1); Math.random by default (tests pass their own). */
  readonly random?: () => number;
}

export const DEFAULT_BACKOFF = { baseMs: 500, capMs: 60_000 } as const;

/** The ceiling of the delay before retry number `attempt` (0-based): min(cap, base·2^attempt). */
export function backoffCeiling(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseMs ?? DEFAULT_BACKOFF.baseMs;
  const cap = options.capMs ?? DEFAULT_BACKOFF.capMs;
  // 2^attempt overflows to Infinity long after it passed any cap; min() still gives the cap.
  return Math.min(cap, base * 2 ** Math.max(0, attempt));
}

/** Counts failed attempts and hands out the next delay. */
export class Backoff {
  #attempt = 0;
  readonly #options: BackoffOptions;

  constructor(options: BackoffOptions = {}) {
    this.#options = options;
  }

  get attempt(): number {
    return this.#attempt;
  }

  /** The delay before the next try, in whole ms; each call moves one step up. */
  next(): number {
    const ceiling = backoffCeiling(this.#attempt, this.#options);
    this.#attempt++;
    const r = (this.#options.random ?? Math.random)();
    return Math.floor(Math.min(Math.max(r, 0), 1) * ceiling);
  }

  /** After a connection that held: the next failure starts again from the base. */
  reset(): void {
    this.#attempt = 0;
  }
}
