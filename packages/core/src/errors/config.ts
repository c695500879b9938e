import { formatConfigValue } from "../redaction/configValue.js"
import { redactSecretText } from "../redaction/redactSecretText.js"
import { BaseError } from "./base.js"

// Config errors name the key path, where the value came from and, for invalid values, the value
// itself — except under secret keys (key, private_key, password, mnemonic, phrase, funder.key),
// which always render as "[redacted]". Only the redacted text is stored on the error, so logging
// the error object cannot leak the secret either.

const referenceHint = "docs/configuration.md lists every key with its type, default and environment variable."

/**
 * Where a config value came from: a TOML file (with the line of its key when known), an
 * environment variable, a command-line flag, or an object given to `parseConfig`.
 *
 * @example
 * const source: ConfigValueSource = { kind: "file", file: "testnet.toml", line: 4 }
 */
export type ConfigValueSource =
  | { readonly kind: "file"; readonly file?: string; readonly line?: number }
  | { readonly kind: "environment"; readonly variable: string }
  | { readonly kind: "flags" }
  | { readonly kind: "input" }
  | { readonly kind: "defaults" }

/**
 * Renders a source as a phrase that follows the key path in a message: `in testnet.toml:4`,
 * `from TESTNET_TARGET_TPS`, `from the command-line flags`, or nothing.
 *
 * @example
 * describeConfigSource({ kind: "environment", variable: "TESTNET_WORKERS" }) // " (from TESTNET_WORKERS)"
 */
export function describeConfigSource(source: ConfigValueSource | undefined): string {
  switch (source?.kind) {
    case "file": {
      const file = source.file ?? "the config file"
      return source.line === undefined ? ` in ${file}` : ` in ${file}:${source.line}`
    }
    case "environment":
      return ` (from ${source.variable})`
    case "flags":
      return " (from the command-line flags)"
    default:
      return ""
  }
}

function sourceHints(source: ConfigValueSource | undefined, keyPath: string): string[] {
  if (source?.kind === "environment") return [`Fix or unset the environment variable ${source.variable}.`]
  if (source?.kind === "flags") return [`Fix the command-line flag that sets ${keyPath}.`]
  return []
}

/**
 * The config file does not exist.
 *
 * @example
 * const error = new ConfigFileNotFoundError({ path: "testnet.toml" })
 * error.code // "CONFIG_FILE_NOT_FOUND"
 */
export class ConfigFileNotFoundError extends BaseError {
  override name = "ConfigFileNotFoundError" as const
  readonly path: string
  constructor(parameters: { path: string; cause?: unknown }) {
    super(`Config file ${parameters.path} was not found.`, {
      code: "CONFIG_FILE_NOT_FOUND",
      cause: parameters.cause,
      metaMessages: [
        "Check the path given with --config (relative paths start at the working directory), or create the file.",
        referenceHint,
      ],
    })
    this.path = parameters.path
  }
}
/**
 * {@link ConfigFileNotFoundError} narrowed by name.
 *
 * @example
 * if (error.name === "ConfigFileNotFoundError") error satisfies ConfigFileNotFoundErrorType
 */
export type ConfigFileNotFoundErrorType = ConfigFileNotFoundError & { name: "ConfigFileNotFoundError" }

/**
 * The config file exists but cannot be read (a directory, no permission, …).
 *
 * @example
 * const error = new ConfigFileUnreadableError({ path: "configs", reason: "it is a directory" })
 * error.code // "CONFIG_FILE_UNREADABLE"
 */
export class ConfigFileUnreadableError extends BaseError {
  override name = "ConfigFileUnreadableError" as const
  readonly path: string
  constructor(parameters: { path: string; reason: string; cause?: unknown }) {
    super(`Config file ${parameters.path} cannot be read: ${parameters.reason}.`, {
      code: "CONFIG_FILE_UNREADABLE",
      cause: parameters.cause,
      metaMessages: ["Point --config at a readable TOML file."],
    })
    this.path = parameters.path
  }
}
/**
 * {@link ConfigFileUnreadableError} narrowed by name.
 *
 * @example
 * if (error.name === "ConfigFileUnreadableError") error satisfies ConfigFileUnreadableErrorType
 */
export type ConfigFileUnreadableErrorType = ConfigFileUnreadableError & { name: "ConfigFileUnreadableError" }

/**
 * The config file is not valid TOML. `reason` is the parser's own explanation. The parser's
 * error is deliberately not kept as `cause`: it quotes the surrounding source lines, which may
 * hold a secret.
 *
 * @example
 * const error = new ConfigParseError({ path: "testnet.toml", line: 3, column: 12, reason: "unterminated string" })
 * error.code // "CONFIG_PARSE_ERROR"
 */
export class ConfigParseError extends BaseError {
  override name = "ConfigParseError" as const
  readonly path: string
  readonly line: number
  readonly column: number
  readonly reason: string
  constructor(parameters: { path: string; line: number; column: number; reason: string }) {
    const { path, line, column, reason } = parameters
    super(`Config file ${path} is not valid TOML at line ${line}, column ${column}: ${reason}.`, {
      code: "CONFIG_PARSE_ERROR",
      metaMessages: [
        "Fix the syntax at that position: strings need quotes, tables need [brackets], a key may appear only once.",
      ],
    })
    this.path = path
    this.line = line
    this.column = column
    this.reason = reason
  }
}
/**
 * {@link ConfigParseError} narrowed by name.
 *
 * @example
 * if (error.name === "ConfigParseError") error satisfies ConfigParseErrorType
 */
export type ConfigParseErrorType = ConfigParseError & { name: "ConfigParseError" }

/**
 * A config value has the wrong type or is out of range. The offending value is shown, unless
 * the key is a secret (then it reads `[redacted]`).
 *
 * @example
 * const error = new ConfigInvalidValueError({ keyPath: "target_tps", value: -5, reason: "must be greater than 0" })
 * error.message // starts with 'Invalid value for target_tps: must be greater than 0 (got -5).'
 */
export class ConfigInvalidValueError extends BaseError {
  override name = "ConfigInvalidValueError" as const
  readonly keyPath: string
  /** The offending value as shown in the message (already redacted). */
  readonly value: string
  readonly reason: string
  readonly source: ConfigValueSource | undefined
  constructor(parameters: { keyPath: string; value: unknown; reason: string; source?: ConfigValueSource }) {
    const { reason, source } = parameters
    const keyPath = redactSecretText(parameters.keyPath)
    const value = formatConfigValue(keyPath, parameters.value)
    super(`Invalid value for ${keyPath}${describeConfigSource(source)}: ${reason} (got ${value}).`, {
      code: "CONFIG_INVALID_VALUE",
      metaMessages: [...sourceHints(source, keyPath), referenceHint],
    })
    this.keyPath = keyPath
    this.value = value
    this.reason = reason
    this.source = source
  }
}
/**
 * {@link ConfigInvalidValueError} narrowed by name.
 *
 * @example
 * if (error.name === "ConfigInvalidValueError") error satisfies ConfigInvalidValueErrorType
 */
export type ConfigInvalidValueErrorType = ConfigInvalidValueError & { name: "ConfigInvalidValueError" }

/**
 * A required config field is absent (e.g. `path` of a keystore wallet source).
 *
 * @example
 * const error = new ConfigMissingFieldError({ keyPath: "wallets.sources[0].path", expected: "a string" })
 * error.code // "CONFIG_MISSING_FIELD"
 */
export class ConfigMissingFieldError extends BaseError {
  override name = "ConfigMissingFieldError" as const
  readonly keyPath: string
  readonly source: ConfigValueSource | undefined
  constructor(parameters: { keyPath: string; expected?: string; source?: ConfigValueSource }) {
    const { keyPath, expected, source } = parameters
    super(`Missing required config field ${keyPath}${describeConfigSource(source)}.`, {
      code: "CONFIG_MISSING_FIELD",
      metaMessages: [`Add ${keyPath}${expected === undefined ? "" : ` (${expected})`}.`, referenceHint],
    })
    this.keyPath = keyPath
    this.source = source
  }
}
/**
 * {@link ConfigMissingFieldError} narrowed by name.
 *
 * @example
 * if (error.name === "ConfigMissingFieldError") error satisfies ConfigMissingFieldErrorType
 */
export type ConfigMissingFieldErrorType = ConfigMissingFieldError & { name: "ConfigMissingFieldError" }

/**
 * A config key the framework does not know (config is strict, so typos are not silently
 * ignored). `suggestion` is the closest known key, when one is close enough.
 *
 * @example
 * const error = new ConfigUnknownKeyError({ keyPath: "rpc_url", suggestion: "rpc_urls" })
 * error.metaMessages[0] // "Did you mean rpc_urls?"
 */
export class ConfigUnknownKeyError extends BaseError {
  override name = "ConfigUnknownKeyError" as const
  readonly keyPath: string
  readonly suggestion: string | undefined
  readonly source: ConfigValueSource | undefined
  constructor(parameters: { keyPath: string; suggestion?: string; source?: ConfigValueSource }) {
    const { suggestion, source } = parameters
    // A key is data written by a person: someone may have pasted a secret where a key belongs.
    const keyPath = redactSecretText(parameters.keyPath)
    const isVariable = source?.kind === "environment" && source.variable === parameters.keyPath
    const subject = isVariable ? `Unknown environment variable ${keyPath}` : `Unknown config key ${keyPath}`
    super(`${subject}${isVariable ? "" : describeConfigSource(source)}.`, {
      code: "CONFIG_UNKNOWN_KEY",
      metaMessages: [
        ...(suggestion === undefined ? [] : [`Did you mean ${suggestion}?`]),
        `Remove or rename ${keyPath}; ${referenceHint}`,
      ],
    })
    this.keyPath = keyPath
    this.suggestion = suggestion
    this.source = source
  }
}
/**
 * {@link ConfigUnknownKeyError} narrowed by name.
 *
 * @example
 * if (error.name === "ConfigUnknownKeyError") error satisfies ConfigUnknownKeyErrorType
 */
export type ConfigUnknownKeyErrorType = ConfigUnknownKeyError & { name: "ConfigUnknownKeyError" }

/**
 * Any error `loadConfig` / `parseConfig` can return.
 *
 * @example
 * function exitCodeOf(error: ConfigErrorType) { return 2 } // bad input
 */
export type ConfigErrorType =
  | ConfigFileNotFoundErrorType
  | ConfigFileUnreadableErrorType
  | ConfigParseErrorType
  | ConfigInvalidValueErrorType
  | ConfigMissingFieldErrorType
  | ConfigUnknownKeyErrorType
