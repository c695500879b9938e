import {
  ConfigInvalidValueError,
  type ConfigInvalidValueErrorType,
  ConfigUnknownKeyError,
  type ConfigUnknownKeyErrorType,
} from "../errors/config.js"
import { Err, Ok, type Result } from "../result.js"
import { formatKeyPath, type KeyPath, toTomlPath } from "./keys.js"
import type { ConfigLayer } from "./layer.js"
import { isPlainTable, valueAtPath } from "./merge.js"
import { suggestClosest } from "./suggest.js"

/** How an environment variable's text becomes a value. */
type ValueFormat = "text" | "number" | "boolean" | "list" | "weights"

// Every config key that can come from the environment. The variable name is derived from the
// TOML key path: TESTNET_ + path in upper case, dots as underscores (gas.max_fee_per_gas →
// TESTNET_GAS_MAX_FEE_PER_GAS). Wallet sources are too structured for one variable each.
const environmentKeys: readonly (readonly [KeyPath, ValueFormat])[] = [
  [["rpcUrls"], "list"],
  [["rpc", "maxOutageSeconds"], "number"],
  [["rpc", "timeoutMs"], "number"],
  [["chainId"], "number"],
  [["targetTps"], "number"],
  [["workers"], "number"],
  [["wallets", "count"], "number"],
  [["wallets", "seed"], "text"],
  [["minDelayMs"], "number"],
  [["maxDelayMs"], "number"],
  [["taskWeights"], "weights"],
  [["tasks"], "list"],
  [["taskTimeoutMs"], "number"],
  [["leaseCooldownMs"], "number"],
  [["proxies", "urls"], "list"],
  [["proxies", "file"], "text"],
  [["proxies", "mode"], "text"],
  [["proxies", "directFallback"], "boolean"],
  [["proxies", "banSeconds"], "number"],
  [["database"], "text"],
  [["durationSeconds"], "number"],
  [["count"], "number"],
  [["seed"], "number"],
  [["funder", "key"], "text"],
  [["funder", "address"], "text"],
  [["logLevel"], "text"],
  [["blockTimeSeconds"], "number"],
  [["gas", "priorityFeeMultiplier"], "number"],
  [["gas", "baseFeeMultiplier"], "number"],
  [["gas", "maxFeePerGas"], "text"],
  [["gas", "minPriorityFee"], "text"],
  [["gas", "replacementBumpPercent"], "number"],
]

const formatDescriptions: Record<ValueFormat, string> = {
  text: "text",
  number: "number",
  boolean: "true/false (also 1/0, yes/no, on/off)",
  list: "comma-separated list",
  weights: "comma-separated name=weight pairs",
}

/**
 * The variable that fills `wallets.sources[*].phrase` of mnemonic sources that have none.
 *
 * @example
 * process.env[mnemonicVariable] // the phrase, never logged
 */
export const mnemonicVariable = "TESTNET_MNEMONIC"

/**
 * TESTNET_* variables read by other parts of the framework; they are not config keys and are
 * never reported as typos.
 *
 * @example
 * otherTestnetVariables.includes("TESTNET_WALLET_PASSWORD") // true
 */
export const otherTestnetVariables: readonly string[] = [
  mnemonicVariable,
  "TESTNET_WALLET_PASSWORD",
  // The shard count of `--shard auto` (a Kubernetes Indexed Job's completions).
  "TESTNET_SHARD_COUNT",
  // The campaign of `start` (a Kubernetes Job sets it from its uid; `--campaign` wins).
  "TESTNET_CAMPAIGN",
]

/**
 * Every environment variable that sets a config key, with the TOML key path it sets and the
 * format of its text (docs/configuration.md is generated from the same facts by hand).
 *
 * @example
 * configEnvironmentVariables.find((entry) => entry.keyPath === "target_tps")?.variable // "TESTNET_TARGET_TPS"
 */
export const configEnvironmentVariables: readonly {
  readonly variable: string
  readonly keyPath: string
  readonly format: string
}[] = environmentKeys.map(([path, format]) => ({
  variable: variableOf(path),
  keyPath: formatKeyPath(path, "toml"),
  format: formatDescriptions[format],
}))

function variableOf(path: KeyPath): string {
  return `TESTNET_${toTomlPath(path).join("_").toUpperCase()}`
}

/**
 * Reads config keys from environment variables (TESTNET_*). An empty variable counts as unset.
 * Text that does not read as its format (a number, a boolean) is passed through as text, so
 * validation reports it with the variable's name. A TESTNET_* variable one typo away from a
 * known one is rejected with a "did you mean" hint; other unknown variables are ignored.
 *
 * @example
 * const layer = createEnvironmentLayer({ TESTNET_TARGET_TPS: "50", TESTNET_RPC_URLS: "http://127.0.0.1:8545" })
 * if (layer.isOk()) layer.value.values // { targetTps: 50, rpcUrls: ["http://127.0.0.1:8545"] }
 */
export function createEnvironmentLayer(
  environment: Readonly<Record<string, string | undefined>>,
): Result<ConfigLayer, ConfigInvalidValueErrorType | ConfigUnknownKeyErrorType> {
  const values: Record<string, unknown> = {}
  const variables: { path: KeyPath; variable: string }[] = []
  for (const [path, format] of environmentKeys) {
    const variable = variableOf(path)
    const text = environment[variable]?.trim()
    if (text === undefined || text === "") continue
    const value = readValue(text, format)
    if (value === undefined) {
      return Err(
        new ConfigInvalidValueError({
          keyPath: formatKeyPath(path, "toml"),
          value: text,
          reason: 'must be name=weight pairs separated by commas, e.g. "transfer=5,deploy=1"',
          source: { kind: "environment", variable },
        }),
      )
    }
    setAtPath(values, path, value)
    variables.push({ path, variable })
  }

  const known = [...environmentKeys.map(([path]) => variableOf(path)), ...otherTestnetVariables]
  for (const [variable, text] of Object.entries(environment)) {
    if (!variable.startsWith("TESTNET_") || known.includes(variable) || text === undefined) continue
    const suggestion = suggestClosest(variable, known, { maxDistance: 1 })
    if (suggestion !== undefined) {
      return Err(
        new ConfigUnknownKeyError({
          keyPath: variable,
          suggestion,
          source: { kind: "environment", variable },
        }),
      )
    }
  }

  return Ok({
    values,
    naming: "toml",
    sourceOf(path) {
      const match = variables.find(({ path: set }) => set.every((segment, index) => path[index] === segment))
      return { kind: "environment", variable: match?.variable ?? "the environment" }
    },
  })
}

/**
 * A layer that gives the phrase from TESTNET_MNEMONIC to every mnemonic wallet source of the
 * merged lower layers that has none. Undefined when the variable is unset or no source needs it.
 *
 * @example
 * const layer = createMnemonicLayer(process.env, mergeConfigLayers([fileLayer.values]))
 */
export function createMnemonicLayer(
  environment: Readonly<Record<string, string | undefined>>,
  merged: Record<string, unknown>,
): ConfigLayer | undefined {
  const phrase = environment[mnemonicVariable]?.trim()
  const sources = valueAtPath(merged, ["wallets", "sources"])
  if (phrase === undefined || phrase === "" || !Array.isArray(sources)) return undefined
  const fills = sources.map((source: unknown) =>
    isPlainTable(source) && source.kind === "mnemonic" && source.phrase === undefined ? { phrase } : {},
  )
  if (!fills.some((fill) => "phrase" in fill)) return undefined
  return {
    values: { wallets: { sources: fills } },
    naming: "toml",
    leavesOnly: true,
    sourceOf: () => ({ kind: "environment", variable: mnemonicVariable }),
  }
}

function readValue(text: string, format: ValueFormat): unknown {
  switch (format) {
    case "text":
      return text
    case "number":
      return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : text
    case "boolean": {
      const lower = text.toLowerCase()
      if (["true", "1", "yes", "on"].includes(lower)) return true
      if (["false", "0", "no", "off"].includes(lower)) return false
      return text
    }
    case "list":
      return text
        .split(",")
        .map((item) => item.trim())
        .filter((item) => item !== "")
    case "weights":
      return readWeights(text)
  }
}

/** "transfer=5, deploy=1" → { transfer: 5, deploy: 1 }; undefined when a pair is malformed. */
function readWeights(text: string): Record<string, unknown> | undefined {
  const weights: Record<string, unknown> = {}
  for (const pair of text.split(",")) {
    if (pair.trim() === "") continue
    const match = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(pair)
    if (match === null) return undefined
    const [, name = "", weight = ""] = match
    const number = Number(weight)
    weights[name] = Number.isFinite(number) ? number : weight
  }
  return weights
}

function setAtPath(root: Record<string, unknown>, path: KeyPath, value: unknown) {
  let table = root
  for (const segment of path.slice(0, -1)) {
    const next = table[segment]
    table[segment] = isPlainTable(next) ? next : {}
    table = table[segment] as Record<string, unknown>
  }
  const last = path.at(-1)
  if (last !== undefined) table[last] = value
}
