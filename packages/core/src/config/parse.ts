import { type ConfigErrorType, ConfigInvalidValueError } from "../errors/config.js"
import { Err, type Result } from "../result.js"
import { defaultsLayer } from "./defaults.js"
import { isPlainTable, withoutUndefined } from "./merge.js"
import type { Config, ConfigInput } from "./types.js"
import { validateConfigLayers } from "./validate.js"

/**
 * Declares a config in TypeScript, with types and editor completion. It is the same config as
 * the TOML file form with camelCase names: `parseConfig(defineConfig(x))` and loading the
 * equivalent file give equal results.
 *
 * @example
 * export default defineConfig({
 *   targetTps: 50,
 *   wallets: { count: 100, sources: [{ kind: "keystore", path: "./keystores" }] },
 *   gas: { maxFeePerGas: "200 gwei" },
 * })
 */
export function defineConfig(input: ConfigInput): ConfigInput {
  return input
}

/**
 * Validates a config object (camelCase names, defaults fill what is missing) into a deeply
 * frozen `Config`. Unknown keys are rejected; errors name the key path in camelCase.
 *
 * @example
 * const result = parseConfig({ targetTps: 50, rpcUrls: ["http://127.0.0.1:8545"] })
 * if (result.isErr()) console.error(result.error.message)
 */
export function parseConfig(input: unknown): Result<Config, ConfigErrorType> {
  const values = withoutUndefined(input)
  if (!isPlainTable(values)) {
    return Err(
      new ConfigInvalidValueError({
        keyPath: "config",
        value: values,
        reason: "must be an object of config keys",
        source: { kind: "input" },
      }),
    )
  }
  return validateConfigLayers([
    defaultsLayer,
    { values, naming: "typescript", sourceOf: () => ({ kind: "input" }) },
  ])
}
