import type { RunnerLogger } from "../runner/ports.js"

/**
 * A logger that drops everything (default when none is given).
 *
 * @example
 * const logger = silentLogger
 */
export const silentLogger: RunnerLogger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
}
