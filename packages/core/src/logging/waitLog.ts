import type { RunnerLogger } from "../runner/ports.js"

/**
 * Logs `waiting for <what>: N s` every interval while `promise` is open (nothing for quick waits).
 *
 * @example
 * const receipt = await withWaitLog(logger, `funding transaction ${hash}`, sent.wait())
 */
export async function withWaitLog<T>(
  logger: RunnerLogger,
  what: string,
  promise: Promise<T>,
  intervalMs = 5000,
): Promise<T> {
  const startedAt = Date.now()
  const timer = setInterval(() => {
    const seconds = Math.round((Date.now() - startedAt) / 1000)
    logger.info({ waitingFor: what, seconds }, `waiting for ${what}: ${seconds} s`)
  }, intervalMs)
  timer.unref()
  try {
    return await promise
  } finally {
    clearInterval(timer)
  }
}
