/**
 * The all-proxies-banned rule: with every configured proxy banned and no direct fallback, no
 * request can reach the node until a ban expires (30 minutes by default), so the run ends with one
 * clear error instead of failing every task. Like the outage watchdog, this only observes; the
 * caller decides what stopping means.
 */
import type { ProxyAllBannedErrorType } from "../../errors/proxy.js"

/**
 * A running ban watch.
 *
 * @example
 * const watch = startProxyBanWatch({ allBanned: () => proxies.allBanned(), onAllBanned: (error) => runner.stop(error.shortMessage) })
 * watch.stop()
 */
export type ProxyBanWatch = { stop(): void }

/**
 * Asks `allBanned` every `intervalMs` (default 1000) and calls `onAllBanned` once with its error.
 *
 * @example
 * const watch = startProxyBanWatch({ allBanned: () => proxies.allBanned(), onAllBanned: () => runner.stop("all proxies banned") })
 */
export function startProxyBanWatch(parameters: {
  allBanned: () => ProxyAllBannedErrorType | undefined
  onAllBanned: (error: ProxyAllBannedErrorType) => void
  intervalMs?: number
}): ProxyBanWatch {
  const timer = setInterval(() => {
    const error = parameters.allBanned()
    if (error === undefined) return
    clearInterval(timer)
    parameters.onAllBanned(error)
  }, parameters.intervalMs ?? 1000)
  timer.unref()
  return { stop: () => clearInterval(timer) }
}
