import { BaseError } from "../errors/base.js"

/**
 * Process exit codes of every chain CLI (documented in docs/operations.md).
 *
 * @example
 * process.exitCode = exitCodes.badInput
 */
export const exitCodes = {
  /** The command did what was asked. A run stopped by Ctrl-C also ends with 0. */
  ok: 0,
  /** Runtime failure: node unreachable, database error, devnet failed, not implemented … */
  failure: 1,
  /** Bad input: unknown command or flag, bad flag value, invalid config, wallet input, unknown task. */
  badInput: 2,
} as const

/**
 * One of {@link exitCodes}.
 *
 * @example
 * const code: ExitCode = exitCodeFor(error)
 */
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes]

const badInputPrefixes = ["CONFIG_", "WALLET_"]
const badInputCodes = new Set([
  "CLI_USAGE",
  "CLI_INVALID_FLAG",
  "TASK_NOT_FOUND",
  "TASK_INVALID_WEIGHTS",
  "RUNNER_INVALID_PLAN",
  "RUNNER_CHAIN_ID_MISMATCH",
  "RUNNER_TOO_MANY_WALLETS",
  "DATABASE_INVALID_PATH",
  "FUNDING_NO_FUNDER",
  "FUNDING_PLAN_UNDERFUNDED",
  "PROXY_INVALID_URL",
  "PROXY_LIST_FILE_UNREADABLE",
  "RPC_UNSUPPORTED_TRANSPORT",
])

/**
 * True when the error is the user's input (fix the command line, config or wallet files), not a
 * runtime failure.
 *
 * @example
 * isBadInputError(new ConfigInvalidValueError(...)) // true
 */
export function isBadInputError(error: unknown): boolean {
  if (!BaseError.isInstance(error)) return false
  return badInputCodes.has(error.code) || badInputPrefixes.some((prefix) => error.code.startsWith(prefix))
}

/**
 * The exit code for an error: 2 for bad input, 1 for everything else.
 *
 * @example
 * exitCodeFor(new CliUsageError({ message: "unknown command 'strat'" })) // 2
 */
export function exitCodeFor(error: unknown): ExitCode {
  return isBadInputError(error) ? exitCodes.badInput : exitCodes.failure
}
