// What a load run opens along the way, so that every exit (success, early error, throw) closes it.
import type { DatabaseManager } from "../../database/openDatabase.js"
import type { Devnet } from "../../devnet/startDevnet.js"
import type { RunProxies } from "../../proxy/runProxies.js"
import type { RpcClient } from "../../rpc/client.js"

/**
 * Everything `runLoad` has opened so far; each step records what it opens here.
 *
 * @example
 * const resources: LoadResources = {}
 * try { … } finally { await releaseLoadResources(resources) }
 */
export type LoadResources = {
  devnet?: Devnet
  rpc?: RpcClient
  proxies?: RunProxies
  database?: DatabaseManager
  uninstallSignals?: () => void
  timer?: ReturnType<typeof setInterval>
  heartbeat?: ReturnType<typeof setInterval>
  stopWatchdog?: () => void
  /** A run row created but not finished yet (an early return closes it as failed). */
  openRunId?: string | undefined
}

/**
 * Stops timers and watchers, closes a still-open run as failed, then closes the database, the
 * RPC, the proxies and the devnet (in that order: the run row is written while all are open).
 *
 * @example
 * await releaseLoadResources(resources)
 */
export async function releaseLoadResources(resources: LoadResources): Promise<void> {
  resources.uninstallSignals?.()
  resources.stopWatchdog?.()
  if (resources.timer !== undefined) clearInterval(resources.timer)
  if (resources.heartbeat !== undefined) clearInterval(resources.heartbeat)
  if (resources.openRunId !== undefined)
    await resources.database?.finishRun({ runId: resources.openRunId, status: "failed" })
  await resources.database?.close()
  await resources.rpc?.close()
  await resources.proxies?.close()
  await resources.devnet?.stop()
}
