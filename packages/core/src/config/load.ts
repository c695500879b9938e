import { readFile } from "node:fs/promises"
import {
  type ConfigErrorType,
  ConfigFileNotFoundError,
  ConfigFileUnreadableError,
  ConfigInvalidValueError,
} from "../errors/config.js"
import { Err, Ok, type Result } from "../result.js"
import { defaultsLayer } from "./defaults.js"
import { createEnvironmentLayer, createMnemonicLayer } from "./environment.js"
import type { ConfigLayer } from "./layer.js"
import { isPlainTable, mergeConfigLayers, withoutUndefined } from "./merge.js"
import { createTomlLayer } from "./toml.js"
import type { Config, ConfigInput } from "./types.js"
import { validateConfigLayers } from "./validate.js"

/**
 * What `loadConfig` reads. Precedence, highest first: `flags` > `environment` > `file` > defaults.
 *
 * @example
 * const options: LoadConfigOptions = { file: "testnet.toml", flags: { targetTps: 100 } }
 */
export type LoadConfigOptions = {
  /** A TOML file; relative paths start at the working directory. */
  file?: string
  /** TESTNET_* variables; `process.env` when not given. */
  environment?: Readonly<Record<string, string | undefined>>
  /** Values from command-line flags (camelCase); `undefined` entries are ignored. */
  flags?: ConfigInput
  /**
   * Values just above core's defaults and below everything the user wrote (a chain's start
   * defaults): used only where no file, variable or flag sets the key.
   */
  baseline?: ConfigInput
}

/**
 * Builds the run's config from defaults, a TOML file, TESTNET_* environment variables and
 * command-line flags, in that order of increasing precedence, and validates it into a deeply
 * frozen `Config`. Every rejection is a config error with the key path, the value (redacted if
 * secret) and where it came from (file and line, variable, or flags).
 *
 * @example
 * const result = await loadConfig({ file: "testnet.toml", flags: { targetTps: 100 } })
 * if (result.isErr()) {
 *   console.error(result.error.message)
 *   process.exitCode = 2
 * }
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<Result<Config, ConfigErrorType>> {
  const { file, environment = process.env, flags = {} } = options
  const layers: ConfigLayer[] = [defaultsLayer]
  if (options.baseline !== undefined)
    layers.push({
      values: withoutUndefined(options.baseline) as Record<string, unknown>,
      naming: "typescript",
      sourceOf: () => ({ kind: "defaults" }),
    })

  if (file !== undefined) {
    const source = await readConfigFile(file)
    if (source.isErr()) return source
    const fileLayer = createTomlLayer(source.value, { file })
    if (fileLayer.isErr()) return fileLayer
    layers.push(fileLayer.value)
  }

  const environmentLayer = createEnvironmentLayer(environment)
  if (environmentLayer.isErr()) return environmentLayer
  layers.push(environmentLayer.value)

  const flagValues = withoutUndefined(flags)
  if (!isPlainTable(flagValues)) {
    return Err(
      new ConfigInvalidValueError({
        keyPath: "flags",
        value: flagValues,
        reason: "must be an object",
        source: { kind: "flags" },
      }),
    )
  }
  layers.push({ values: flagValues, naming: "typescript", sourceOf: () => ({ kind: "flags" }) })

  const mnemonicLayer = createMnemonicLayer(
    environment,
    mergeConfigLayers(layers.map((layer) => layer.values)),
  )
  if (mnemonicLayer !== undefined) layers.push(mnemonicLayer)
  return validateConfigLayers(layers)
}

async function readConfigFile(file: string) {
  try {
    // Editors on Windows may save a byte-order mark, which is not TOML.
    return Ok((await readFile(file, "utf8")).replace(/^\uFEFF/, ""))
  } catch (cause) {
    const code = (cause as { code?: unknown }).code
    if (code === "ENOENT" || code === "ENOTDIR")
      return Err(new ConfigFileNotFoundError({ path: file, cause }))
    const reason =
      code === "EISDIR"
        ? "it is a directory"
        : code === "EACCES"
          ? "permission denied"
          : String(code ?? cause)
    return Err(new ConfigFileUnreadableError({ path: file, reason, cause }))
  }
}
