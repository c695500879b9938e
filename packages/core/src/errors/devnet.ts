import { BaseError } from "./base.js"

/**
 * The anvil binary could not be found (neither the platform package of `@foundry-rs/anvil`,
 * nor its node wrapper, nor the path in `TESTNET_ANVIL_PATH`).
 *
 * @example
 * const error = new DevnetBinaryNotFoundError({ searched: ["/repo/node_modules/.bin/anvil"] })
 * error.code // "DEVNET_BINARY_NOT_FOUND"
 */
export class DevnetBinaryNotFoundError extends BaseError {
  override name = "DevnetBinaryNotFoundError"
  constructor(parameters: { searched: readonly string[]; cause?: unknown }) {
    super("The anvil binary was not found.", {
      code: "DEVNET_BINARY_NOT_FOUND",
      cause: parameters.cause,
      ...(parameters.searched.length === 0 ? {} : { details: `searched: ${parameters.searched.join(", ")}` }),
      metaMessages: [
        "Install it with `pnpm add @foundry-rs/anvil@1.7.1` (it ships a binary for your platform),",
        "or point TESTNET_ANVIL_PATH at an anvil executable, or pass --rpc-url to use a running node.",
      ],
    })
  }
}
/**
 * {@link DevnetBinaryNotFoundError} narrowed by name, for unions of error types.
 *
 * @example
 * if (error.name === "DevnetBinaryNotFoundError") console.error(error.shortMessage)
 */
export type DevnetBinaryNotFoundErrorType = DevnetBinaryNotFoundError & { name: "DevnetBinaryNotFoundError" }

/**
 * No free loopback port could be bound after several attempts.
 *
 * @example
 * const error = new DevnetPortInUseError({ port: 8545, attempts: 5 })
 * error.code // "DEVNET_PORT_IN_USE"
 */
export class DevnetPortInUseError extends BaseError {
  override name = "DevnetPortInUseError"
  readonly port: number
  constructor(parameters: { port: number; attempts: number; cause?: unknown }) {
    super(`The devnet could not bind a free port (last tried 127.0.0.1:${parameters.port}).`, {
      code: "DEVNET_PORT_IN_USE",
      cause: parameters.cause,
      details: `gave up after ${parameters.attempts} attempt(s)`,
      metaMessages: [
        "Another process keeps taking the ports; retry, or pass --rpc-url to use a running node.",
      ],
    })
    this.port = parameters.port
  }
}
/**
 * {@link DevnetPortInUseError} narrowed by name, for unions of error types.
 *
 * @example
 * if (error.name === "DevnetPortInUseError") console.error(error.shortMessage)
 */
export type DevnetPortInUseErrorType = DevnetPortInUseError & { name: "DevnetPortInUseError" }

/**
 * anvil exited (or could not be spawned) before it answered. `stderr` is anvil's own message.
 *
 * @example
 * const error = new DevnetFailedToStartError({ exitCode: 2, stderr: "error: unexpected argument '--bogus' found" })
 * error.shortMessage // "The devnet (anvil) failed to start: error: unexpected argument '--bogus' found"
 */
export class DevnetFailedToStartError extends BaseError {
  override name = "DevnetFailedToStartError"
  readonly stderr: string
  readonly exitCode: number | null
  constructor(parameters: {
    stderr: string
    exitCode?: number | null
    signal?: string | null
    arguments?: readonly string[]
    cause?: unknown
  }) {
    const firstLine = firstMeaningfulLine(parameters.stderr)
    super(`The devnet (anvil) failed to start${firstLine === undefined ? "." : `: ${firstLine}`}`, {
      code: "DEVNET_FAILED_TO_START",
      cause: parameters.cause,
      ...optionalDetails(describeExit(parameters.exitCode, parameters.signal)),
      metaMessages: [
        ...(parameters.arguments === undefined ? [] : [`arguments: ${parameters.arguments.join(" ")}`]),
        ...excerpt(parameters.stderr, firstLine),
      ],
    })
    this.stderr = parameters.stderr
    this.exitCode = parameters.exitCode ?? null
  }
}
/**
 * {@link DevnetFailedToStartError} narrowed by name, for unions of error types.
 *
 * @example
 * if (error.name === "DevnetFailedToStartError") console.error(error.shortMessage)
 */
export type DevnetFailedToStartErrorType = DevnetFailedToStartError & { name: "DevnetFailedToStartError" }

/**
 * anvil is running but did not answer `eth_chainId` before the deadline. The process was killed.
 *
 * @example
 * const error = new DevnetNotReadyError({ rpcUrl: "http://127.0.0.1:8545", timeoutMs: 15_000 })
 * error.code // "DEVNET_NOT_READY"
 */
export class DevnetNotReadyError extends BaseError {
  override name = "DevnetNotReadyError"
  constructor(parameters: { rpcUrl: string; timeoutMs: number; stderr?: string; cause?: unknown }) {
    super(`The devnet at ${parameters.rpcUrl} did not answer within ${parameters.timeoutMs} ms.`, {
      code: "DEVNET_NOT_READY",
      cause: parameters.cause,
      metaMessages: [
        "The machine may be overloaded; retry, or raise the readiness timeout.",
        ...excerpt(parameters.stderr ?? "", undefined),
      ],
    })
  }
}
/**
 * {@link DevnetNotReadyError} narrowed by name, for unions of error types.
 *
 * @example
 * if (error.name === "DevnetNotReadyError") console.error(error.shortMessage)
 */
export type DevnetNotReadyErrorType = DevnetNotReadyError & { name: "DevnetNotReadyError" }

/**
 * Union of every devnet error.
 *
 * @example
 * function explain(error: DevnetErrorType) { return error.shortMessage }
 */
export type DevnetErrorType =
  | DevnetBinaryNotFoundErrorType
  | DevnetPortInUseErrorType
  | DevnetFailedToStartErrorType
  | DevnetNotReadyErrorType

function firstMeaningfulLine(text: string): string | undefined {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .find((line) => line.length > 0)
}

/** Up to 5 more stderr lines (after the first, which is already in the short message). */
function excerpt(stderr: string, alreadyShown: string | undefined): string[] {
  const lines = stderr
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim().length > 0)
  const rest = alreadyShown === undefined ? lines : lines.slice(1)
  return rest.slice(0, 5).map((line) => `anvil: ${line}`)
}

function describeExit(
  exitCode: number | null | undefined,
  signal: string | null | undefined,
): string | undefined {
  if (signal !== undefined && signal !== null) return `anvil was killed by ${signal}`
  if (exitCode !== undefined && exitCode !== null) return `anvil exited with code ${exitCode}`
  return undefined
}

function optionalDetails(details: string | undefined): { details?: string } {
  return details === undefined ? {} : { details }
}
