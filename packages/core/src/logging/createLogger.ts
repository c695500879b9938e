import type { Writable } from "node:stream"
import { type DestinationStream, type Logger, type LoggerOptions, pino, stdSerializers } from "pino"
import pinoPretty from "pino-pretty"
import { redactedPlaceholder } from "../redaction/placeholder.js"
import { getRedactionPaths } from "./redaction.js"

/**
 * Log levels, quietest last.
 *
 * @example
 * const level: LogLevel = "info"
 */
export type LogLevel = "trace" | "debug" | "info" | "warn" | "error" | "silent"

/**
 * The framework's logger: a pino logger.
 *
 * @example
 * const logger: Logger = createLogger({ level: "info" })
 */
export type { Logger }

/**
 * Where log lines go: a file descriptor (default 2 = stderr, so stdout stays free for `--json`
 * output and tables), a file path, or a writable stream.
 *
 * @example
 * const destination: LogDestination = "./logs/run.log"
 */
export type LogDestination = number | string | Writable | DestinationStream

/**
 * Options for {@link createLogger}.
 *
 * @example
 * const options: LoggerParameters = { level: "debug", bindings: { runId } }
 */
export type LoggerParameters = {
  level: LogLevel
  /** Human-readable lines. Default: true when the destination is a TTY, JSON lines otherwise. */
  pretty?: boolean
  destination?: LogDestination
  /** Fields on every line (e.g. `{ chain: "tempo", runId }`). */
  bindings?: Record<string, unknown>
}

/**
 * Creates a pino logger with secret redaction (private keys, passwords, mnemonics, authorization
 * headers … at any of the first 4 nesting levels), error serialization for `err`/`error`, and
 * pretty output on a TTY. Synchronous writes: a crash never loses the last lines.
 *
 * @example
 * const logger = createLogger({ level: "info", bindings: { chain: "tempo" } })
 * logger.info({ wallet: address, password: "hunter2" }, "loaded") // password → "[redacted]"
 * const taskLogger = withCorrelation(logger, { runId, worker: 3, task: "transfer" })
 */
export function createLogger(parameters: LoggerParameters): Logger {
  const options: LoggerOptions = {
    level: parameters.level,
    redact: { paths: getRedactionPaths(), censor: redactedPlaceholder },
    serializers: { err: stdSerializers.err, error: stdSerializers.err },
    base: parameters.bindings ?? {},
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  }
  const destination = parameters.destination ?? 2
  const pretty = parameters.pretty ?? isTerminal(destination)
  if (pretty) {
    const stream = pinoPretty({
      colorize: isTerminal(destination),
      translateTime: "HH:MM:ss.l",
      ignore: "pid,hostname",
      sync: true,
      destination: toPrettyDestination(destination),
    })
    return pino(options, stream)
  }
  return pino(options, toDestinationStream(destination))
}

function isTerminal(destination: LogDestination): boolean {
  if (destination === 1) return process.stdout.isTTY === true
  if (destination === 2) return process.stderr.isTTY === true
  if (typeof destination === "object" && destination !== null && "isTTY" in destination) {
    return (destination as { isTTY?: boolean }).isTTY === true
  }
  return false
}

function toDestinationStream(destination: LogDestination): DestinationStream {
  if (typeof destination === "number") return pino.destination({ dest: destination, sync: true })
  if (typeof destination === "string") return pino.destination({ dest: destination, sync: true, mkdir: true })
  return destination as DestinationStream
}

function toPrettyDestination(destination: LogDestination): number | string | DestinationStream {
  if (typeof destination === "number" || typeof destination === "string") return destination
  return destination as DestinationStream
}
