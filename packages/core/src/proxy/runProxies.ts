import { Agent, type Dispatcher } from "undici"
import type { Config } from "../config/types.js"
import {
  ProxyAllBannedError,
  type ProxyAllBannedErrorType,
  type ProxyInvalidUrlErrorType,
  type ProxyListFileErrorType,
} from "../errors/proxy.js"
import { Err, Ok, type Result } from "../result.js"
import type { ProxyCheckTarget } from "./proxyHealth.js"
import { loadProxyList } from "./proxyList.js"
import { createProxyManager, type ProxyDiagnostic, type ProxyManager } from "./proxyManager.js"

/**
 * The sticky key of calls that belong to no wallet (head polls, block receipts, shared reads):
 * in `sticky` mode they keep one proxy of their own, like a wallet.
 *
 * @example
 * manager.dispatcherFor(sharedTrafficKey)
 */
export const sharedTrafficKey = "testnet-framework/shared-reads"

/**
 * A run's proxy routing: what to give the RPC client so that every request of the run — sends,
 * reads, the receipt tracker, funding — goes through the configured proxies.
 *
 * @example
 * const proxies = (await openRunProxies({ proxies: config.proxies, check: { rpcUrl } })).unwrap()
 * const rpc = createRpcClient({ endpoints, ...proxies.rpcOptions })
 */
export type RunProxies = {
  /** Spread into `createRpcClient`: `dispatcherFor` routes wallet calls, `dispatcher` the rest. Empty without proxies. */
  readonly rpcOptions: {
    dispatcher?: Dispatcher
    dispatcherFor?: (address: string) => Dispatcher | undefined
  }
  /** Requests, failures and bans per proxy (masked URLs); empty without proxies. */
  diagnose(): ProxyDiagnostic[]
  /** The error to stop the run with when every proxy is banned and direct traffic is not allowed. */
  allBanned(): ProxyAllBannedErrorType | undefined
  readonly size: number
  close(): Promise<void>
}

/**
 * What {@link openRunProxies} can fail with: a bad proxy URL or list file (bad input), or every
 * proxy failing its start-up check with no direct fallback.
 *
 * @example
 * const error: OpenRunProxiesErrorType = result.error
 */
export type OpenRunProxiesErrorType =
  | ProxyInvalidUrlErrorType
  | ProxyListFileErrorType
  | ProxyAllBannedErrorType

/**
 * A dispatcher that asks `route` for the real dispatcher of each request, so a ban moves the
 * traffic at the next request (the RPC client resolves its dispatcher once per call).
 */
function createRoutingDispatcher(route: () => Dispatcher): Dispatcher {
  const routing = {
    dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler) {
      return route().dispatch(options, handler)
    },
    close: async () => undefined,
    destroy: async () => undefined,
  }
  return routing as unknown as Dispatcher
}

/**
 * Opens the proxies of a run from the `proxies` config (inline URLs and the list file): builds the
 * proxy manager (sticky or rotate, bans of `banMs`, `directFallback`), checks every proxy once
 * against `check` when given (a dead proxy starts the run already failing), and refuses to start
 * when none works and direct traffic is not allowed. Without proxies, traffic is direct and
 * `rpcOptions` is empty.
 *
 * @example
 * const opened = await openRunProxies({ proxies: config.proxies, banMs: 30 * 60_000, check: { rpcUrl: config.rpcUrls[0] } })
 * if (opened.isErr()) return opened
 * const rpc = createRpcClient({ endpoints: config.rpcUrls, ...opened.value.rpcOptions })
 */
export async function openRunProxies(parameters: {
  proxies: Omit<Config["proxies"], "banSeconds"> & { readonly banSeconds?: number }
  /** How long a failing proxy stays banned (default `proxies.banSeconds`, else 30 minutes). */
  banMs?: number
  check?: ProxyCheckTarget
}): Promise<Result<RunProxies, OpenRunProxiesErrorType>> {
  const { proxies } = parameters
  const list = await loadProxyList({ urls: proxies.urls, file: proxies.file })
  if (list.isErr()) return list
  if (list.value.length === 0)
    return Ok({
      rpcOptions: {},
      diagnose: () => [],
      allBanned: () => undefined,
      size: 0,
      close: async () => undefined,
    })
  const created = createProxyManager({
    proxies: list.value,
    mode: proxies.mode,
    banMs: parameters.banMs ?? (proxies.banSeconds ?? 30 * 60) * 1000,
    directFallback: proxies.directFallback,
  })
  if (created.isErr()) return created
  const manager: ProxyManager = created.value
  const direct = new Agent({ keepAliveTimeout: 30_000 })
  const allBanned = () => {
    const assigned = manager.assign(sharedTrafficKey)
    return assigned.isErr() ? assigned.error : undefined
  }
  if (parameters.check !== undefined) {
    const diagnostics = await manager.checkAll(parameters.check)
    if (!proxies.directFallback && diagnostics.every((diagnostic) => diagnostic.status !== "ok")) {
      await Promise.all([manager.close(), direct.close()])
      return Err(
        new ProxyAllBannedError({
          count: diagnostics.length,
          nextUnbanAt: undefined,
          reason: diagnostics.map((diagnostic) => `${diagnostic.proxy}: ${diagnostic.error ?? "failed"}`),
        }) as ProxyAllBannedErrorType,
      )
    }
  }
  return Ok({
    rpcOptions: {
      dispatcher: createRoutingDispatcher(() => manager.dispatcherFor(sharedTrafficKey) ?? direct),
      dispatcherFor: (address) => manager.dispatcherFor(address) ?? direct,
    },
    diagnose: () => manager.diagnose(),
    allBanned,
    size: manager.size,
    async close() {
      await Promise.all([manager.close(), direct.close()])
    },
  })
}
