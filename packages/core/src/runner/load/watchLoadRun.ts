// Stops a load run whose RPC went silent or whose proxies are all banned, and remembers why.
import type { ProxyAllBannedError } from "../../errors/proxy.js"
import { RunnerRpcOutageError } from "../../errors/runner.js"
import { startOutageWatchdog } from "../lifecycle/outageWatchdog.js"
import { startProxyBanWatch } from "../lifecycle/proxyBanWatch.js"
import type { RunnerLogger } from "../ports.js"
import type { Runner } from "../run/runner.js"
import type { ConnectedChain } from "./connectChain.js"
import type { RunLoadOptions } from "./runLoadOptions.js"

/**
 * The watchers of a running load: `outage()` says why they stopped it, if they did.
 *
 * @example
 * const watch = watchLoadRun({ options, connected, runner, logger })
 * await runner.run(); watch.stop()
 */
export type LoadRunWatch = {
  outage(): RunnerRpcOutageError | ProxyAllBannedError | undefined
  stop(): void
}

/**
 * Starts the outage watchdog and the proxy ban watch: either stops the runner, lets in-flight work
 * drain for `outageGraceMs` (default 5 s), then aborts it.
 *
 * @example
 * const watch = watchLoadRun({ options, connected, runner, logger })
 */
export function watchLoadRun(parameters: {
  options: RunLoadOptions
  connected: ConnectedChain
  runner: Runner
  logger: RunnerLogger
}): LoadRunWatch {
  const { options, connected, runner, logger } = parameters
  const { rpc, proxies } = connected
  let outage: RunnerRpcOutageError | ProxyAllBannedError | undefined
  const watchdog = startOutageWatchdog({
    lastAnswerAt: () => rpc.stats().lastAnswerAt,
    maxOutageMs: connected.maxOutageMs,
    onOutage(silentMs) {
      outage = new RunnerRpcOutageError({
        endpoints: rpc.endpoints,
        silentSeconds: Math.round(silentMs / 1000),
        maxOutageSeconds: options.config.rpc.maxOutageSeconds,
      })
      logger.error({ endpoints: rpc.endpoints, silentMs }, "no RPC endpoint answers; stopping the run")
      // Stop scheduling, let what can finish drain briefly, then give up on the rest.
      runner.stop("rpc outage")
      setTimeout(() => runner.abort("rpc outage"), options.outageGraceMs ?? 5000).unref()
    },
  })
  // Every proxy banned and no direct fallback: nothing can reach the node; stop like an outage.
  const banWatch = startProxyBanWatch({
    allBanned: () => proxies.allBanned(),
    onAllBanned(error) {
      if (outage !== undefined) return
      outage = error
      logger.error({ proxies: proxies.size }, "every proxy is banned; stopping the run")
      runner.stop("all proxies banned")
      setTimeout(() => runner.abort("all proxies banned"), options.outageGraceMs ?? 5000).unref()
    },
  })
  return {
    outage: () => outage,
    stop() {
      watchdog.stop()
      banWatch.stop()
    },
  }
}
