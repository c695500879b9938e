import {
  funderShape,
  gasShape,
  proxiesShape,
  rootShape,
  rpcShape,
  walletSourceShapes,
  walletsShape,
} from "./schema.js"

/**
 * A key path in TypeScript names: object keys and array indexes, e.g.
 * `["wallets", "sources", 0, "path"]`.
 *
 * @example
 * const path: KeyPath = ["gas", "maxFeePerGas"]
 */
export type KeyPath = readonly (string | number)[]

/**
 * How a key path is shown: TOML names (`gas.max_fee_per_gas`, for files and environment) or
 * TypeScript names (`gas.maxFeePerGas`, for flags and objects given to `parseConfig`).
 *
 * @example
 * const naming: KeyNaming = "toml"
 */
export type KeyNaming = "toml" | "typescript"

/**
 * `targetTps` → `target_tps`.
 *
 * @example
 * toSnakeCase("maxFeePerGas") // "max_fee_per_gas"
 */
export function toSnakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)
}

/**
 * `target_tps` → `targetTps`.
 *
 * @example
 * toCamelCase("max_fee_per_gas") // "maxFeePerGas"
 */
export function toCamelCase(name: string): string {
  // Only letters are capitalised, so `abc_1x` stays `abc_1x` and maps back to itself.
  return name.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase())
}

/**
 * True for a table whose keys are data, not field names (task names under `taskWeights`):
 * their keys are never renamed and never checked against the schema.
 *
 * @example
 * isRecordPath(["taskWeights"]) // true
 */
export function isRecordPath(path: KeyPath): boolean {
  return path.length === 1 && path[0] === "taskWeights"
}

/**
 * The same key path in TOML names (record keys such as task names stay as written).
 *
 * @example
 * toTomlPath(["gas", "maxFeePerGas"]) // ["gas", "max_fee_per_gas"]
 */
export function toTomlPath(path: KeyPath): (string | number)[] {
  return path.map((segment, index) =>
    typeof segment === "number" || isRecordPath(path.slice(0, index)) ? segment : toSnakeCase(segment),
  )
}

/**
 * Renders a key path: `wallets.sources[0].path`, `task_weights."odd name"`.
 *
 * @example
 * formatKeyPath(["gas", "maxFeePerGas"], "toml") // "gas.max_fee_per_gas"
 */
export function formatKeyPath(path: KeyPath, naming: KeyNaming): string {
  const segments = naming === "toml" ? toTomlPath(path) : path
  let text = ""
  for (const segment of segments) {
    if (typeof segment === "number") text += `[${segment}]`
    else {
      const name = /^[A-Za-z0-9_-]+$/.test(segment) ? segment : JSON.stringify(segment)
      text += text === "" ? name : `.${name}`
    }
  }
  return text
}

/**
 * The field names (TypeScript spelling) allowed in the table at `path`, for "did you mean"
 * hints; undefined where keys are free (task names). For a wallet source, the fields of its
 * `kind` (all kinds' fields when the kind is unknown).
 *
 * @example
 * knownKeysAt(["gas"]) // ["priorityFeeMultiplier", "baseFeeMultiplier", …]
 */
export function knownKeysAt(path: KeyPath, table?: unknown): string[] | undefined {
  const joined = path.map((segment) => (typeof segment === "number" ? "[]" : segment)).join(".")
  switch (joined) {
    case "":
      return Object.keys(rootShape)
    case "wallets":
      return Object.keys(walletsShape)
    case "wallets.sources.[]": {
      const kind = (table as { kind?: unknown } | undefined)?.kind
      const shapes = Object.entries(walletSourceShapes)
        .filter(([name]) => kind === undefined || name === kind)
        .map(([, shape]) => Object.keys(shape))
      const keys = shapes.length === 0 ? Object.values(walletSourceShapes).map(Object.keys) : shapes
      return [...new Set(keys.flat())]
    }
    case "proxies":
      return Object.keys(proxiesShape)
    case "rpc":
      return Object.keys(rpcShape)
    case "funder":
      return Object.keys(funderShape)
    case "gas":
      return Object.keys(gasShape)
    default:
      return undefined
  }
}
