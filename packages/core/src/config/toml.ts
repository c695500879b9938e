import { parse, stringify, TomlError } from "smol-toml"
import {
  type ConfigErrorType,
  ConfigParseError,
  type ConfigParseErrorType,
  ConfigUnknownKeyError,
  type ConfigUnknownKeyErrorType,
} from "../errors/config.js"
import { Err, Ok, type Result } from "../result.js"
import { defaultsLayer } from "./defaults.js"
import {
  formatKeyPath,
  isRecordPath,
  type KeyPath,
  knownKeysAt,
  toCamelCase,
  toSnakeCase,
  toTomlPath,
} from "./keys.js"
import type { ConfigLayer } from "./layer.js"
import { findKeyLine } from "./locate.js"
import { isPlainTable } from "./merge.js"
import { suggestClosest } from "./suggest.js"
import type { Config } from "./types.js"
import { validateConfigLayers } from "./validate.js"

const snakeCaseKey = /^[a-z0-9]+(_[a-z0-9]+)*$/
const maxTomlInteger = 2n ** 63n - 1n

/**
 * Turns TOML text into a config layer (TypeScript names). Syntax errors become
 * `ConfigParseError` with line and column; keys not written in snake_case become
 * `ConfigUnknownKeyError` (the schema would otherwise accept `targetTps` in a file).
 *
 * @example
 * const layer = createTomlLayer("target_tps = 50", { file: "testnet.toml" })
 * if (layer.isOk()) layer.value.values // { targetTps: 50 }
 */
export function createTomlLayer(
  source: string,
  options: { file?: string } = {},
): Result<ConfigLayer, ConfigParseErrorType | ConfigUnknownKeyErrorType> {
  const { file } = options
  const sourceOf = (path: KeyPath) => {
    const line = findKeyLine(source, toTomlPath(path))
    return {
      kind: "file" as const,
      ...(file === undefined ? {} : { file }),
      ...(line === undefined ? {} : { line }),
    }
  }
  let document: Record<string, unknown>
  try {
    // "throw" rejects keys such as __proto__ instead of letting them reach a merge.
    document = parse(source, { integersAsBigInt: "asNeeded", unsafeKeyBehaviour: "throw" })
  } catch (error) {
    if (!(error instanceof TomlError)) throw error
    const reason = (error.message.split("\n")[0] ?? "")
      .replace(/^Invalid TOML document:\s*/, "")
      .replace(/\.$/, "")
    return Err(
      new ConfigParseError({ path: file ?? "(inline TOML)", line: error.line, column: error.column, reason }),
    )
  }
  const converted = fromTomlNames(document, [])
  if (converted.isErr()) {
    const { tomlPath, suggestion } = converted.error
    return Err(
      new ConfigUnknownKeyError({
        // The path is already in TOML names: "typescript" naming prints it unchanged.
        keyPath: formatKeyPath(tomlPath, "typescript"),
        source: sourceOfTomlPath(source, tomlPath, file),
        ...(suggestion === undefined ? {} : { suggestion }),
      }),
    )
  }
  return Ok({ values: converted.value, naming: "toml", sourceOf })
}

function sourceOfTomlPath(source: string, tomlPath: KeyPath, file: string | undefined) {
  const line = findKeyLine(source, tomlPath)
  return {
    kind: "file" as const,
    ...(file === undefined ? {} : { file }),
    ...(line === undefined ? {} : { line }),
  }
}

type NamingProblem = { tomlPath: KeyPath; suggestion?: string }

/** snake_case keys → camelCase, recursively; record keys (task names) stay as written. */
function fromTomlNames(
  table: Record<string, unknown>,
  path: KeyPath,
): Result<Record<string, unknown>, NamingProblem> {
  const result: Record<string, unknown> = {}
  const isRecord = isRecordPath(path)
  for (const [key, value] of Object.entries(table)) {
    if (!isRecord && !snakeCaseKey.test(key)) {
      const candidate = suggestClosest(toCamelCase(key), knownKeysAt(path, table) ?? [])
      return Err({
        tomlPath: [...toTomlPath(path), key],
        ...(candidate === undefined ? {} : { suggestion: formatKeyPath([...path, candidate], "toml") }),
      })
    }
    const name = isRecord ? key : toCamelCase(key)
    const converted = convertValue(value, [...path, name])
    if (converted.isErr()) return converted
    result[name] = converted.value
  }
  return Ok(result)
}

function convertValue(value: unknown, path: KeyPath): Result<unknown, NamingProblem> {
  if (isPlainTable(value)) return fromTomlNames(value, path)
  if (!Array.isArray(value)) return Ok(value)
  const items: unknown[] = []
  for (const [index, item] of value.entries()) {
    const converted = convertValue(item, [...path, index])
    if (converted.isErr()) return converted
    items.push(converted.value)
  }
  return Ok(items)
}

/**
 * Parses and validates a config written in TOML (defaults fill what the text leaves out).
 * Errors carry the key path in TOML names and the line of the key.
 *
 * @example
 * const result = parseConfigToml('target_tps = 50\n[gas]\nmax_fee_per_gas = "100 gwei"')
 * if (result.isOk()) result.value.gas.maxFeePerGas // 100000000000n
 */
export function parseConfigToml(
  source: string,
  options: { file?: string } = {},
): Result<Config, ConfigErrorType> {
  const layer = createTomlLayer(source, options)
  if (layer.isErr()) return layer
  return validateConfigLayers([defaultsLayer, layer.value])
}

/**
 * Serializes a config to TOML (snake_case keys, the file form `loadConfig` reads back to an
 * equal config). Secrets are written as they are: pass `redactConfig(config)` for anything
 * that is logged or stored.
 *
 * @example
 * const text = configToToml(redactConfig(config))
 * // target_tps = 10
 * // ...
 */
export function configToToml(config: Config): string {
  return stringify(toTomlNames(config, []))
}

function toTomlNames(value: unknown, path: KeyPath): unknown {
  if (typeof value === "bigint") return value <= maxTomlInteger ? value : value.toString()
  if (Array.isArray(value)) return value.map((item, index) => toTomlNames(item, [...path, index]))
  if (!isPlainTable(value)) return value
  const result: Record<string, unknown> = {}
  for (const [key, inner] of Object.entries(value)) {
    if (inner === undefined) continue
    const name = isRecordPath(path) ? key : toSnakeCase(key)
    result[name] = toTomlNames(inner, [...path, key])
  }
  return result
}
