/**
 * The dead-RPC rule: when no endpoint has answered for `maxOutageMs`, a run cannot make progress
 * and must end instead of logging failures forever. The watchdog only observes the RPC client's
 * last answer; what to do (stop, drain, exit 1) is the caller's.
 */

/**
 * A running watchdog.
 *
 * @example
 * const watchdog = startOutageWatchdog({ lastAnswerAt: () => rpc.stats().lastAnswerAt, maxOutageMs: 60_000, onOutage: (silentMs) => runner.stop("rpc outage") })
 * watchdog.stop()
 */
export type OutageWatchdog = {
  stop(): void
  /** Milliseconds without an answer when the outage was declared; undefined while none was. */
  readonly trippedAfterMs: number | undefined
}

/**
 * Checks every `intervalMs` (default 1000) how long the RPC has been silent; calls `onOutage`
 * once when the silence reaches `maxOutageMs`. The clock starts at `startedAt` (default now)
 * when nothing has answered yet.
 *
 * @example
 * const watchdog = startOutageWatchdog({ lastAnswerAt: () => rpc.stats().lastAnswerAt, maxOutageMs: 60_000, onOutage: () => runner.stop("rpc outage") })
 */
export function startOutageWatchdog(parameters: {
  lastAnswerAt: () => number | undefined
  maxOutageMs: number
  onOutage: (silentMs: number) => void
  startedAt?: number
  intervalMs?: number
  now?: () => number
}): OutageWatchdog {
  const now = parameters.now ?? Date.now
  const startedAt = parameters.startedAt ?? now()
  let trippedAfterMs: number | undefined
  const timer = setInterval(() => {
    const silentMs = now() - Math.max(parameters.lastAnswerAt() ?? 0, startedAt)
    if (silentMs < parameters.maxOutageMs) return
    trippedAfterMs = silentMs
    clearInterval(timer)
    parameters.onOutage(silentMs)
  }, parameters.intervalMs ?? 1000)
  timer.unref()
  return {
    stop: () => clearInterval(timer),
    get trippedAfterMs() {
      return trippedAfterMs
    },
  }
}
