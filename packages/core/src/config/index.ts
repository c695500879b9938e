// Public exports of the config folder (named exports only).
export {
  type ConfigErrorType,
  ConfigFileNotFoundError,
  type ConfigFileNotFoundErrorType,
  ConfigFileUnreadableError,
  type ConfigFileUnreadableErrorType,
  ConfigInvalidValueError,
  type ConfigInvalidValueErrorType,
  ConfigMissingFieldError,
  type ConfigMissingFieldErrorType,
  ConfigParseError,
  type ConfigParseErrorType,
  ConfigUnknownKeyError,
  type ConfigUnknownKeyErrorType,
  type ConfigValueSource,
  describeConfigSource,
} from "../errors/config.js"
export { isSecretKeyPath } from "../redaction/configValue.js"
export { configDefaults, resolveDatabaseUrl } from "./defaults.js"
export { configEnvironmentVariables } from "./environment.js"
export { type LoadConfigOptions, loadConfig } from "./load.js"
export { defineConfig, parseConfig } from "./parse.js"
export { redactConfig } from "./redact.js"
export { configToToml, parseConfigToml } from "./toml.js"
// LogLevel is exported by logging/ (the same union); config keeps its own copy to stay independent.
export type { Config, ConfigInput, ProxyMode, WalletSourceConfig } from "./types.js"
