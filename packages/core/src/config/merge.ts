import { isRecordPath, type KeyPath } from "./keys.js"

/**
 * A plain table (not an array, not null): the only values merged key by key.
 *
 * @example
 * isPlainTable({ a: 1 }) // true
 * isPlainTable([1]) // false
 */
export function isPlainTable(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/**
 * Merges config layers, lowest precedence first (defaults, file, environment, flags). Tables
 * merge key by key; everything else — scalars, lists, and the `taskWeights` table, which is
 * one distribution — is replaced whole by the higher layer. `undefined` means "not set" and
 * never overrides. Inputs are not modified.
 *
 * @example
 * mergeConfigLayers([{ gas: { baseFeeMultiplier: 2, replacementBumpPercent: 10 } }, { gas: { baseFeeMultiplier: 3 } }])
 * // { gas: { baseFeeMultiplier: 3, replacementBumpPercent: 10 } }
 */
export function mergeConfigLayers(layers: readonly Record<string, unknown>[]): Record<string, unknown> {
  let merged: Record<string, unknown> = {}
  for (const layer of layers) merged = mergeTables(merged, layer, [])
  return merged
}

function mergeTables(
  lower: Record<string, unknown>,
  higher: Record<string, unknown>,
  path: KeyPath,
): Record<string, unknown> {
  const result: Record<string, unknown> = { ...lower }
  for (const [key, value] of Object.entries(higher)) {
    if (value === undefined) continue
    const below = result[key]
    const childPath = [...path, key]
    result[key] =
      isPlainTable(value) && isPlainTable(below) && !isRecordPath(childPath)
        ? mergeTables(below, value, childPath)
        : value
  }
  return result
}

/**
 * The value at a key path, or undefined when any step is missing.
 *
 * @example
 * valueAtPath({ wallets: { sources: [{ kind: "keystore" }] } }, ["wallets", "sources", 0, "kind"]) // "keystore"
 */
export function valueAtPath(root: unknown, path: KeyPath): unknown {
  let current: unknown = root
  for (const segment of path) {
    if (typeof current !== "object" || current === null) return undefined
    if (!Object.hasOwn(current, segment)) return undefined
    current = (current as Record<string | number, unknown>)[segment]
  }
  return current
}

/**
 * Removes `undefined` entries recursively, so "explicitly undefined" (a flag that was not given)
 * means the same as "absent".
 *
 * @example
 * withoutUndefined({ targetTps: undefined, gas: { baseFeeMultiplier: 2 } }) // { gas: { baseFeeMultiplier: 2 } }
 */
export function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined)
  if (!isPlainTable(value)) return value
  const result: Record<string, unknown> = {}
  for (const [key, inner] of Object.entries(value)) {
    if (inner !== undefined) result[key] = withoutUndefined(inner)
  }
  return result
}
