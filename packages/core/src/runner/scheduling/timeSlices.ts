/**
 * Keeps bursts of CPU work from blocking the event loop. When a JSON-RPC batch of 200 sends comes
 * back, 200 tasks end at once and the scheduler starts 200 more in the same tick; each signs
 * synchronously (~100–200 µs), so one tick would hold the loop for tens of milliseconds — and every
 * timer, receipt poll and socket read waits behind it. A slice gate hands out turns while the
 * current tick has used less than its budget; later callers wait for the next tick (setImmediate),
 * where as many turns as fitted in one budget are handed out again.
 */

/**
 * A gate that grants turns of CPU work per event-loop tick.
 *
 * @example
 * const slices = createTimeSlices({ budgetMs: 4 })
 * const wait = slices.turn()
 * if (wait !== undefined) await wait
 * signTheTransaction()
 */
export type TimeSlices = {
  /** Undefined: go ahead now. A promise: wait for it, then go ahead. */
  turn(): Promise<void> | undefined
  /** Callers waiting for a later tick. */
  readonly waiting: number
}

/**
 * Creates a slice gate.
 *
 * @example
 * const slices = createTimeSlices({ budgetMs: 4 })
 */
export function createTimeSlices(parameters: { budgetMs: number; now?: () => number }): TimeSlices {
  const now = parameters.now ?? (() => performance.now())
  const { budgetMs } = parameters
  let windowStartedAt: number | undefined
  let grantedInWindow = 0
  /** Learned: how many turns fit in one budget (measured when a window first runs over). */
  let turnsPerWindow = 1
  const waiting: (() => void)[] = []

  function openWindow() {
    windowStartedAt = now()
    grantedInWindow = 0
    setImmediate(closeWindow)
  }

  function closeWindow() {
    windowStartedAt = undefined
    if (waiting.length === 0) return
    openWindow()
    const released = waiting.splice(0, turnsPerWindow)
    grantedInWindow = released.length
    for (const resolve of released) resolve()
  }

  return {
    turn() {
      if (windowStartedAt === undefined) openWindow()
      else if (waiting.length > 0 || now() - windowStartedAt >= budgetMs) {
        const elapsed = now() - windowStartedAt
        if (waiting.length === 0 && elapsed > 0)
          turnsPerWindow = Math.max(1, Math.floor((grantedInWindow * budgetMs) / elapsed))
        return new Promise<void>((resolve) => waiting.push(resolve))
      }
      grantedInWindow += 1
      return undefined
    },
    get waiting() {
      return waiting.length
    },
  }
}
