import { loadConfig } from "../config/load.js"
import type { Config } from "../config/types.js"
import type { ConfigErrorType } from "../errors/config.js"
import type { Result } from "../result.js"
import { flagsToConfigInput, type RunFlagOptions } from "./configFlags.js"
import type { CliContext } from "./context.js"

/**
 * Loads the config for a command: defaults < `--config` file < TESTNET_* environment < flags.
 *
 * @example
 * const config = await loadCommandConfig(context, { config: "testnet.toml", tps: 50 })
 * if (config.isErr()) return config
 */
export function loadCommandConfig(
  context: CliContext,
  options: RunFlagOptions & { config?: string },
): Promise<Result<Config, ConfigErrorType>> {
  return loadConfig({
    ...(options.config === undefined ? {} : { file: options.config }),
    environment: context.io.environment,
    flags: flagsToConfigInput(options),
  })
}
