import { BaseError } from "./base.js"

/**
 * The command line itself is wrong: unknown command or flag, missing argument, a value that does
 * not parse. Exit code 2.
 *
 * @example
 * new CliUsageError({ message: "unknown option '--tsp'", hints: ["(Did you mean --tps?)"] }).code // "CLI_USAGE"
 */
export class CliUsageError extends BaseError {
  override name = "CliUsageError"
  constructor(parameters: { message: string; hints?: readonly string[]; command?: string; cause?: unknown }) {
    super(parameters.message, {
      code: "CLI_USAGE",
      cause: parameters.cause,
      metaMessages: [
        ...(parameters.hints ?? []),
        `Run \`${parameters.command === undefined ? "" : `${parameters.command} `}--help\` for usage.`,
      ],
    })
  }
}
/**
 * {@link CliUsageError} narrowed by name, for unions of error types.
 *
 * @example
 * if (error.name === "CliUsageError") console.error(error.shortMessage)
 */
export type CliUsageErrorType = CliUsageError & { name: "CliUsageError" }

/**
 * A flag value that parses but is not acceptable (e.g. `--shard 5/4`). Exit code 2.
 *
 * @example
 * new CliInvalidFlagError({ flag: "--shard", value: "5/4", reason: "INDEX must be between 1 and COUNT" }).shortMessage
 * // "Invalid --shard \"5/4\": INDEX must be between 1 and COUNT."
 */
export class CliInvalidFlagError extends BaseError {
  override name = "CliInvalidFlagError"
  readonly flag: string
  constructor(parameters: { flag: string; value: string; reason: string; hints?: readonly string[] }) {
    super(`Invalid ${parameters.flag} "${parameters.value}": ${parameters.reason}.`, {
      code: "CLI_INVALID_FLAG",
      metaMessages: parameters.hints ?? [],
    })
    this.flag = parameters.flag
  }
}
/**
 * {@link CliInvalidFlagError} narrowed by name, for unions of error types.
 *
 * @example
 * if (error.name === "CliInvalidFlagError") console.error(error.shortMessage)
 */
export type CliInvalidFlagErrorType = CliInvalidFlagError & { name: "CliInvalidFlagError" }

/**
 * The command exists in the CLI but its implementation is not available yet. Exit code 1.
 *
 * @example
 * new CliNotImplementedError({ command: "report" }).shortMessage // "`report` is not implemented yet."
 */
export class CliNotImplementedError extends BaseError {
  override name = "CliNotImplementedError"
  constructor(parameters: { command: string; hint?: string }) {
    super(`\`${parameters.command}\` is not implemented yet.`, {
      code: "CLI_NOT_IMPLEMENTED",
      metaMessages: parameters.hint === undefined ? [] : [parameters.hint],
    })
  }
}
/**
 * {@link CliNotImplementedError} narrowed by name, for unions of error types.
 *
 * @example
 * if (error.name === "CliNotImplementedError") console.error(error.shortMessage)
 */
export type CliNotImplementedErrorType = CliNotImplementedError & { name: "CliNotImplementedError" }

/**
 * Union of the CLI errors.
 *
 * @example
 * function explain(error: CliErrorType) { return error.shortMessage }
 */
export type CliErrorType = CliUsageErrorType | CliInvalidFlagErrorType | CliNotImplementedErrorType
