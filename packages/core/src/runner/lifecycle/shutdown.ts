/**
 * SIGINT/SIGTERM handling for a runner, installable and removable so tests and library users
 * stay in control: the first signal stops gracefully, a second one exits at once (everything
 * already committed to the database stays committed).
 */

/**
 * The part of a runner the handlers drive.
 *
 * @example
 * const target: ShutdownTarget = runner
 */
export type ShutdownTarget = { stop(reason: string): void; abort(reason: string): void }

/**
 * Installs the handlers and returns the function that removes them.
 *
 * @example
 * const uninstall = installShutdownHandlers(runner)
 * try { await runner.run() } finally { uninstall() }
 */
export function installShutdownHandlers(
  runner: ShutdownTarget,
  options: {
    signals?: readonly NodeJS.Signals[]
    /** What a second signal does (default: exit the process with 130). */
    onSecondSignal?: (signal: NodeJS.Signals) => void
    onFirstSignal?: (signal: NodeJS.Signals) => void
    processLike?: Pick<NodeJS.Process, "on" | "off">
  } = {},
): () => void {
  const target = options.processLike ?? process
  const signals = options.signals ?? (["SIGINT", "SIGTERM"] as const)
  let received = 0
  const handler = (signal: NodeJS.Signals) => {
    received += 1
    if (received === 1) {
      options.onFirstSignal?.(signal)
      runner.stop(signal)
      return
    }
    runner.abort(signal)
    if (options.onSecondSignal !== undefined) options.onSecondSignal(signal)
    else process.exit(130)
  }
  for (const signal of signals) target.on(signal, handler)
  return () => {
    for (const signal of signals) target.off(signal, handler)
  }
}
