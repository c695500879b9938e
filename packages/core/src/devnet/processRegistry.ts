/**
 * Process-wide registry of running devnets, so none outlives this process.
 *
 * - `exit`: synchronous kill of every devnet (nothing async can run there).
 * - SIGINT / SIGTERM / SIGHUP: if nobody else listens for the signal, stop every devnet and re-raise
 *   the signal so the process dies the way it would have (exit status 128+n). If another listener
 *   exists (the runner's graceful shutdown), leave the devnets to it: it needs the chain to drain
 *   in-flight work, then calls `stopAllDevnets()` (and `exit` still catches anything left).
 * - uncaught exceptions: `uncaughtExceptionMonitor` kills devnets without changing Node's handling.
 *
 * Handlers are installed while at least one devnet runs and removed afterwards, so importing core
 * never changes a program's signal behaviour.
 */

/**
 * What the registry needs to know about a running devnet.
 *
 * @example
 * const tracked: TrackedDevnet = { pid: child.pid, stop, killNow: () => child.kill("SIGKILL") }
 */
export type TrackedDevnet = {
  readonly pid: number
  /** Graceful stop (SIGTERM, grace period, SIGKILL). */
  stop(): Promise<void>
  /** Synchronous last-resort kill, used from the `exit` handler. */
  killNow(): void
}

const running = new Set<TrackedDevnet>()
const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const
let installed = false

function onExit(): void {
  for (const devnet of running) devnet.killNow()
}

function onUncaught(): void {
  for (const devnet of running) devnet.killNow()
}

function onSignal(signal: NodeJS.Signals): void {
  // Someone else handles this signal (e.g. the runner's graceful shutdown): let them.
  if (process.listenerCount(signal) > 1) return
  uninstall()
  void stopAllDevnets().finally(() => {
    process.kill(process.pid, signal)
  })
}

function install(): void {
  if (installed) return
  installed = true
  process.on("exit", onExit)
  process.on("uncaughtExceptionMonitor", onUncaught)
  for (const signal of signals) process.on(signal, onSignal)
}

function uninstall(): void {
  if (!installed) return
  installed = false
  process.off("exit", onExit)
  process.off("uncaughtExceptionMonitor", onUncaught)
  for (const signal of signals) process.off(signal, onSignal)
}

/**
 * Adds a devnet to the registry (installs the process hooks on first use).
 *
 * @example
 * trackDevnet({ pid: child.pid, stop, killNow: () => child.kill("SIGKILL") })
 */
export function trackDevnet(devnet: TrackedDevnet): void {
  running.add(devnet)
  install()
}

/**
 * Removes a stopped devnet (uninstalls the process hooks when none is left).
 *
 * @example
 * child.once("exit", () => untrackDevnet(tracked))
 */
export function untrackDevnet(devnet: TrackedDevnet): void {
  running.delete(devnet)
  if (running.size === 0) uninstall()
}

/**
 * Stops every devnet this process started and waits for them to exit. Call it from your own
 * shutdown path (the runner does, after draining).
 *
 * @example
 * process.once("SIGINT", async () => { await runner.stop("signal"); await stopAllDevnets() })
 */
export async function stopAllDevnets(): Promise<void> {
  await Promise.allSettled([...running].map((devnet) => devnet.stop()))
}

/**
 * PIDs of the devnets currently running in this process.
 *
 * @example
 * getRunningDevnetPids() // [12345]
 */
export function getRunningDevnetPids(): number[] {
  return [...running].map((devnet) => devnet.pid)
}
