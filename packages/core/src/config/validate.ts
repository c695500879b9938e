import type * as z from "zod"
import {
  ConfigInvalidValueError,
  type ConfigInvalidValueErrorType,
  ConfigMissingFieldError,
  type ConfigMissingFieldErrorType,
  ConfigUnknownKeyError,
  type ConfigUnknownKeyErrorType,
} from "../errors/config.js"
import { Err, Ok, type Result } from "../result.js"
import { deepFreeze } from "./freeze.js"
import { formatKeyPath, type KeyPath, knownKeysAt } from "./keys.js"
import type { ConfigLayer } from "./layer.js"
import { mergeConfigLayers, valueAtPath } from "./merge.js"
import { configSchema } from "./schema.js"
import { suggestClosest } from "./suggest.js"
import type { Config } from "./types.js"

/**
 * Errors a validation of merged layers can produce.
 *
 * @example
 * function keyPathOf(error: ConfigValidationErrorType): string { return error.keyPath }
 */
export type ConfigValidationErrorType =
  | ConfigInvalidValueErrorType
  | ConfigMissingFieldErrorType
  | ConfigUnknownKeyErrorType

/**
 * Merges layers (lowest precedence first), validates the result against the schema and returns
 * a deeply frozen `Config`, or the first problem as a config error naming the key path, the
 * value (redacted when secret) and where that value came from.
 *
 * @example
 * const result = validateConfigLayers([defaultsLayer, fileLayer, environmentLayer, flagsLayer])
 */
export function validateConfigLayers(
  layers: readonly ConfigLayer[],
): Result<Config, ConfigValidationErrorType> {
  const merged = mergeConfigLayers(layers.filter((layer) => !layer.leavesOnly).map((layer) => layer.values))
  for (const layer of layers.filter((layer) => layer.leavesOnly)) fillLeaves(merged, layer.values, [])
  const parsed = configSchema.safeParse(merged)
  if (parsed.success) return Ok(deepFreeze(parsed.data satisfies Config))
  const [issue] = parsed.error.issues
  if (issue === undefined) throw new Error("zod rejected the config without an issue")
  return Err(errorFromIssue(issue, merged, layers))
}

/** Copies the leaves of a sparse layer into the merged tree (only where the tree has a table). */
function fillLeaves(target: Record<string, unknown>, leaves: Record<string, unknown>, path: KeyPath) {
  for (const [key, value] of Object.entries(leaves)) {
    if (value === undefined) continue
    const existing = target[key]
    if (typeof value === "object" && value !== null) {
      if (typeof existing === "object" && existing !== null) {
        fillLeaves(existing as Record<string, unknown>, value as Record<string, unknown>, [...path, key])
      }
    } else if (existing === undefined) target[key] = value
  }
}

function providingLayer(layers: readonly ConfigLayer[], path: KeyPath): ConfigLayer | undefined {
  const highestFirst = [...layers].reverse()
  for (let length = path.length; length >= 1; length--) {
    const prefix = path.slice(0, length)
    const layer = highestFirst.find(
      (candidate) =>
        (!candidate.leavesOnly || length === path.length) &&
        valueAtPath(candidate.values, prefix) !== undefined,
    )
    if (layer !== undefined) return layer
  }
  return highestFirst.find((layer) => !layer.leavesOnly)
}

function errorFromIssue(
  issue: z.core.$ZodIssue,
  merged: Record<string, unknown>,
  layers: readonly ConfigLayer[],
): ConfigValidationErrorType {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== "symbol")
  const describe = (at: KeyPath) => {
    const layer = providingLayer(layers, at)
    return {
      keyPath: formatKeyPath(at, layer?.naming ?? "typescript"),
      naming: layer?.naming ?? "typescript",
      source: layer?.sourceOf(at) ?? { kind: "input" as const },
    }
  }

  if (issue.code === "unrecognized_keys") {
    const [key = ""] = issue.keys
    const at = [...path, key]
    const { keyPath, naming, source } = describe(at)
    const known = knownKeysAt(path, valueAtPath(merged, path)) ?? []
    const candidate = suggestClosest(key, known)
    const suggestion = candidate === undefined ? undefined : formatKeyPath([...path, candidate], naming)
    return new ConfigUnknownKeyError({ keyPath, source, ...(suggestion === undefined ? {} : { suggestion }) })
  }

  if (issue.code === "invalid_key") {
    // A record key (a task name) is wrong: show the key, not the weight next to it.
    const { naming, source } = describe(path)
    return new ConfigInvalidValueError({
      keyPath: formatKeyPath(path.slice(0, -1), naming),
      value: path.at(-1),
      reason: `keys ${issue.issues[0]?.message ?? "must be valid names"}`,
      source,
    })
  }

  const value = valueAtPath(merged, path)
  const { keyPath, source } = describe(path)
  if (value === undefined) {
    return new ConfigMissingFieldError({ keyPath, source, expected: expectedOf(issue) })
  }
  return new ConfigInvalidValueError({ keyPath, value, reason: reasonOf(issue), source })
}

const typeDescriptions: Record<string, string> = {
  number: "a number",
  int: "a whole number",
  string: "a string",
  boolean: "true or false",
  array: "a list",
  object: "a table",
  record: "a table",
  bigint: "a whole number",
}

function expectedOf(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type") return typeDescriptions[issue.expected] ?? issue.expected
  if (issue.code === "invalid_union" && "options" in issue) return describeOptions(issue.options)
  if (issue.code === "invalid_value") return describeOptions(issue.values)
  return "a value"
}

function reasonOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return `must be ${typeDescriptions[issue.expected] ?? issue.expected}`
    case "invalid_value":
      return `must be ${describeOptions(issue.values)}`
    case "invalid_union":
      return "options" in issue && Array.isArray(issue.options)
        ? `must be ${describeOptions(issue.options)}`
        : issue.message
    default:
      return issue.message
  }
}

function describeOptions(options: readonly unknown[]): string {
  const listed = options.map((option) => JSON.stringify(option))
  return listed.length === 1 ? (listed[0] ?? "") : `one of ${listed.join(", ")}`
}
