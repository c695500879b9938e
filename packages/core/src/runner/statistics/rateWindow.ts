// The current send and task-start rates of a run: counts per 250 ms slot in a ring that covers the
// window, so that recording is O(1) and reading sums a few slots.

const slotMs = 250

/**
 * Sends and task starts over the last `windowMs`.
 *
 * @example
 * const rates = createRateWindow({ windowMs: 5_000, origin: clock.now() })
 * rates.countSend(clock.now())
 * rates.perSecond(clock.now()).sends
 */
export type RateWindow = {
  /** Empties the ring and counts slots from `origin` (the run proper begins after funding). */
  restart(origin: number): void
  countSend(now: number): void
  countStart(now: number): void
  /** Sends and starts per second over the window (or the time since `origin`, when shorter). */
  perSecond(now: number): { sends: number; starts: number }
}

/**
 * Creates an empty rate window whose slots count from `origin`.
 *
 * @example
 * const rates = createRateWindow({ windowMs: 5_000, origin: 0 })
 */
export function createRateWindow(parameters: { windowMs: number; origin: number }): RateWindow {
  let origin = parameters.origin
  const sends = new Array<number>(Math.ceil(parameters.windowMs / slotMs)).fill(0)
  // Task starts per slot, same ring geometry.
  const starts = new Array<number>(sends.length).fill(0)
  let currentSlot = 0

  function rotate(now: number) {
    const slot = Math.floor((now - origin) / slotMs)
    if (slot - currentSlot >= sends.length) {
      sends.fill(0)
      starts.fill(0)
    } else
      for (let index = currentSlot + 1; index <= slot; index += 1) {
        sends[index % sends.length] = 0
        starts[index % sends.length] = 0
      }
    if (slot > currentSlot) currentSlot = slot
  }

  return {
    restart(newOrigin) {
      origin = newOrigin
      currentSlot = 0
      sends.fill(0)
      starts.fill(0)
    },
    countSend(now) {
      rotate(now)
      sends[currentSlot % sends.length] = (sends[currentSlot % sends.length] ?? 0) + 1
    },
    countStart(now) {
      rotate(now)
      starts[currentSlot % starts.length] = (starts[currentSlot % starts.length] ?? 0) + 1
    },
    perSecond(now) {
      rotate(now)
      const windowSends = sends.reduce((sum, value) => sum + value, 0)
      const windowStarts = starts.reduce((sum, value) => sum + value, 0)
      // The ring holds the current (partial) slot plus the previous full ones.
      const intoCurrentSlot = now - origin - currentSlot * slotMs
      const windowSpanMs = Math.max(
        slotMs,
        Math.min((sends.length - 1) * slotMs, now - origin) + intoCurrentSlot,
      )
      return { sends: (windowSends * 1000) / windowSpanMs, starts: (windowStarts * 1000) / windowSpanMs }
    },
  }
}
