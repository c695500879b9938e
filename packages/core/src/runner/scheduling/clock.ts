/**
 * Time source of the scheduler and the receipt tracker, injectable so tests can run on fake timers.
 *
 * @example
 * const clock = systemClock
 * await clock.sleep(250, signal)
 */
export type Clock = {
  /** Milliseconds, monotonic. */
  now(): number
  /** Resolves after `ms`, or early (without throwing) when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

function sleepWith(now: () => number) {
  return (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve()
      const timer = setTimeout(done, Math.max(0, ms))
      function done() {
        clearTimeout(timer)
        signal?.removeEventListener("abort", done)
        resolve()
      }
      signal?.addEventListener("abort", done, { once: true })
      void now
    })
}

/**
 * The real clock: `performance.now()` and `setTimeout`.
 *
 * @example
 * const started = systemClock.now()
 */
export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: sleepWith(() => performance.now()),
}

/**
 * A clock on `Date.now()` + `setTimeout`, which vitest's fake timers control completely.
 *
 * @example
 * vi.useFakeTimers(); const clock = createTimerClock()
 */
export function createTimerClock(): Clock {
  return { now: () => Date.now(), sleep: sleepWith(() => Date.now()) }
}
