/**
 * A reproducible source of random numbers: the same seed gives the same fault pattern, so a
 * failing profile can be replayed.
 *
 * @example
 * const random: SeededRandom = createSeededRandom(7)
 * if (random.chance(0.05)) injectFault()
 */
export type SeededRandom = {
  /** A number in [0, 1). */
  next(): number
  /** True with this probability (0 never, 1 always). */
  chance(probability: number): boolean
  /** An integer in [minimum, maximum]. */
  integer(minimum: number, maximum: number): number
  /** One element of a non-empty list. */
  pick<T>(items: readonly [T, ...T[]]): T
}

/**
 * mulberry32: small, fast and good enough for fault injection (not for cryptography).
 *
 * @example
 * const random = createSeededRandom(42)
 * random.integer(1, 6) // the same value on every run with seed 42
 */
export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let mixed = state
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1)
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61)
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    // A probability of 0 must never consume a draw differently from a positive one, so the
    // pattern of the other faults stays the same when one probability changes.
    chance: (probability) => next() < probability,
    integer: (minimum, maximum) => minimum + Math.floor(next() * (maximum - minimum + 1)),
    pick: (items) => items[Math.floor(next() * items.length)] ?? items[0],
  }
}
