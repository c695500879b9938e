/**
 * Freezes an object and everything reachable from it, so a config cannot be changed after
 * validation (a task mutating shared settings would affect every other worker).
 *
 * @example
 * const frozen = deepFreeze({ gas: { baseFeeMultiplier: 2 } })
 * Object.isFrozen(frozen.gas) // true
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value
  for (const inner of Object.values(value)) deepFreeze(inner)
  return Object.freeze(value)
}
