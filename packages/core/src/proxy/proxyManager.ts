import type { Dispatcher } from "undici"
import {
  ProxyAllBannedError,
  type ProxyAllBannedErrorType,
  ProxyBannedError,
  type ProxyInvalidUrlErrorType,
} from "../errors/proxy.js"
import { Err, Ok, type Result } from "../result.js"
import { labelDispatcher } from "../rpc/dispatcherLabel.js"
import { detectProxyFailure } from "../rpc/proxyFailure.js"
import { avalanche, fnv1a } from "./fnv1a.js"
import { createProxyDispatcher } from "./proxyDispatcher.js"
import { checkProxy, mapWithConcurrency, type ProxyCheckTarget } from "./proxyHealth.js"
import { type ProxyEndpoint, parseProxyUrl } from "./proxyList.js"
import { observeDispatcher } from "./proxyObserver.js"
import { createRefusingDispatcher } from "./refusingDispatcher.js"

/**
 * Configuration of {@link createProxyManager}.
 *
 * @example
 * const options: ProxyManagerOptions = { proxies: ["socks5://u:p@127.0.0.1:1080"], mode: "rotate", banMs: 30_000, maxFailures: 3 }
 */
export type ProxyManagerOptions = {
  /** Proxy URLs (see `parseProxyUrl`) or already parsed proxies (from `loadProxyList`). */
  proxies: readonly (string | ProxyEndpoint)[]
  /** `sticky`: a wallet always uses the same proxy (stable hash); `rotate`: the next proxy per request. */
  mode: "sticky" | "rotate"
  /** How long a proxy stays banned. Default 60 000 ms. */
  banMs?: number
  /** Consecutive failures that ban a proxy. Default 3. */
  maxFailures?: number
  /** When every proxy is banned: go direct (true) or fail requests with ProxyAllBannedError (false, default). */
  directFallback?: boolean
  /** What `checkAll()` requests through each proxy. */
  check?: ProxyCheckTarget
  /** Health checks running at once. Default 8. */
  checkConcurrency?: number
  /** TCP connect timeout to proxies. Default 10 000 ms. */
  connectTimeoutMs?: number
  now?: () => number
}

/**
 * A proxy's state for `proxies check` and logs. Never contains a password.
 *
 * @example
 * for (const { proxy, status, latencyMs } of await manager.checkAll()) console.log(proxy, status, latencyMs)
 */
export type ProxyDiagnostic = {
  /** Masked proxy URL. */
  proxy: string
  protocol: ProxyEndpoint["protocol"]
  status: "ok" | "failing" | "banned" | "unchecked"
  latencyMs: number | undefined
  /** Last error message (masked), if the last request or check failed; for a banned proxy, the ban (until when) and that error. */
  error: string | undefined
  errorCode: string | undefined
  consecutiveFailures: number
  bannedUntil: Date | undefined
  /** Requests that went through it (responses received). */
  successes: number
  failures: number
  /** How many times it was banned so far. */
  bans: number
}

/**
 * Where a wallet's traffic goes. `proxy` is the masked URL, undefined when direct.
 *
 * @example
 * const { proxy } = manager.assign(wallet.address).unwrap()
 * logger.debug({ proxy: proxy ?? "direct" }, "wallet route")
 */
export type ProxyAssignment = { dispatcher: Dispatcher | undefined; proxy: string | undefined }

/**
 * Assigns proxies to wallets and tracks their health.
 *
 * @example
 * const manager: ProxyManager = createProxyManager({ proxies, mode: "sticky" }).unwrap()
 * const dispatcher = manager.dispatcherFor(wallet.address)
 */
export type ProxyManager = {
  /**
   * The dispatcher for a wallet's requests (pass it to the RPC client's `dispatcherFor`), or
   * undefined for a direct connection (no proxies, or all banned with direct fallback). With
   * every proxy banned and no fallback, the returned dispatcher fails each request with
   * ProxyAllBannedError — traffic never silently goes direct.
   */
  dispatcherFor(walletAddress?: string): Dispatcher | undefined
  /** Like `dispatcherFor`, but says which proxy, and returns the all-banned case as an error. */
  assign(walletAddress?: string): Result<ProxyAssignment, ProxyAllBannedErrorType>
  /** Checks every proxy concurrently (bounded) and returns their diagnostics; updates bans. */
  checkAll(target?: ProxyCheckTarget): Promise<ProxyDiagnostic[]>
  /** The current diagnostics, without checking. */
  diagnose(): ProxyDiagnostic[]
  readonly size: number
  close(): Promise<void>
}

type ProxyState = {
  endpoint: ProxyEndpoint
  raw: Dispatcher
  dispatcher: Dispatcher
  consecutiveFailures: number
  bannedUntil: number
  latencyMs: number | undefined
  lastError: { message: string; code: string | undefined } | undefined
  checked: boolean
  successes: number
  failures: number
  bans: number
}

/**
 * Creates the proxy manager: HTTP/HTTPS and SOCKS5 proxies (with credentials) as undici
 * dispatchers, assigned sticky per wallet (rendezvous hashing of the address, so a ban only
 * moves that proxy's wallets and they return after it) or rotated per request. Proxies are
 * banned for `banMs` after `maxFailures` consecutive failures — counted from real traffic
 * and from checks — and unbanned automatically (one more failure bans again).
 *
 * @example
 * const manager = createProxyManager({ proxies: ["socks5://u:p@127.0.0.1:1080"], mode: "sticky", banMs: 60_000, directFallback: false }).unwrap()
 * const rpc = createRpcClient({ endpoints, dispatcherFor: (address) => manager.dispatcherFor(address) })
 * console.table(await manager.checkAll({ rpcUrl: endpoints[0] }))
 */
export function createProxyManager(
  options: ProxyManagerOptions,
): Result<ProxyManager, ProxyInvalidUrlErrorType> {
  const banMs = options.banMs ?? 60_000
  const maxFailures = Math.max(1, options.maxFailures ?? 3)
  const now = options.now ?? Date.now
  const states: ProxyState[] = []
  for (const [index, entry] of options.proxies.entries()) {
    const parsed =
      typeof entry === "string" ? parseProxyUrl(entry, { line: index + 1, source: "proxies" }) : Ok(entry)
    if (parsed.isErr()) return parsed
    const endpoint = parsed.value
    const raw = createProxyDispatcher(endpoint, {
      ...(options.connectTimeoutMs === undefined ? {} : { connectTimeoutMs: options.connectTimeoutMs }),
    })
    const state: ProxyState = {
      endpoint,
      raw,
      dispatcher: raw,
      consecutiveFailures: 0,
      bannedUntil: 0,
      latencyMs: undefined,
      lastError: undefined,
      checked: false,
      successes: 0,
      failures: 0,
      bans: 0,
    }
    state.dispatcher = labelDispatcher(
      observeDispatcher(raw, {
        onResponse: () => recordSuccess(state),
        onError: (error) => {
          const failure = detectProxyFailure(error, endpoint.url)
          if (failure !== undefined) recordFailure(state, failure)
        },
      }),
      endpoint.url,
    )
    states.push(state)
  }
  let rotation = 0
  const preferred = new Map<string, number>()

  function recordSuccess(state: ProxyState, latencyMs?: number): void {
    state.successes += 1
    state.consecutiveFailures = 0
    state.lastError = undefined
    if (latencyMs !== undefined) state.latencyMs = latencyMs
  }

  function recordFailure(state: ProxyState, error: { message: string; code?: string }): void {
    state.failures += 1
    state.consecutiveFailures += 1
    state.lastError = { message: error.message.split("\n")[0] ?? error.message, code: error.code }
    if (state.consecutiveFailures < maxFailures) return
    if (state.bannedUntil <= now()) state.bans += 1
    state.bannedUntil = now() + banMs
  }

  function isBanned(state: ProxyState): boolean {
    if (state.bannedUntil === 0) return false
    if (now() < state.bannedUntil) return true
    // Ban expired: half-open, so one more failure bans it again.
    state.bannedUntil = 0
    state.consecutiveFailures = maxFailures - 1
    return false
  }

  function stickyIndex(address: string): number | undefined {
    const key = address.toLowerCase()
    const cached = preferred.get(key)
    if (cached !== undefined && !isBanned(states[cached] as ProxyState)) return cached
    let best: number | undefined
    let bestWeight = -1
    for (const [index, state] of states.entries()) {
      if (isBanned(state)) continue
      const weight = avalanche(
        fnv1a(`${key}|${state.endpoint.host}:${state.endpoint.port}|${state.endpoint.username ?? ""}`),
      )
      if (weight > bestWeight) {
        bestWeight = weight
        best = index
      }
    }
    // Cache only the unconstrained choice, so wallets return to their proxy after a ban.
    if (best !== undefined && states.every((state) => state.bannedUntil === 0)) preferred.set(key, best)
    return best
  }

  function rotateIndex(): number | undefined {
    for (let step = 0; step < states.length; step += 1) {
      const index = (rotation + step) % states.length
      if (!isBanned(states[index] as ProxyState)) {
        rotation = index + 1
        return index
      }
    }
    return undefined
  }

  function allBannedError(): ProxyAllBannedErrorType {
    const next = Math.min(...states.map((state) => state.bannedUntil).filter((until) => until > 0))
    return new ProxyAllBannedError({
      count: states.length,
      nextUnbanAt: Number.isFinite(next) ? new Date(next) : undefined,
    }) as ProxyAllBannedErrorType
  }

  const refusing = createRefusingDispatcher(allBannedError)

  function assign(walletAddress?: string): Result<ProxyAssignment, ProxyAllBannedErrorType> {
    if (states.length === 0) return Ok({ dispatcher: undefined, proxy: undefined })
    const index =
      options.mode === "sticky" && walletAddress !== undefined ? stickyIndex(walletAddress) : rotateIndex()
    if (index === undefined) {
      return options.directFallback ? Ok({ dispatcher: undefined, proxy: undefined }) : Err(allBannedError())
    }
    const state = states[index] as ProxyState
    return Ok({ dispatcher: state.dispatcher, proxy: state.endpoint.label })
  }

  function diagnosticOf(state: ProxyState): ProxyDiagnostic {
    const banned = isBanned(state)
    const ban = banned
      ? new ProxyBannedError({
          proxy: state.endpoint.url,
          until: new Date(state.bannedUntil),
          failures: state.consecutiveFailures,
        }).shortMessage
      : undefined
    return {
      proxy: state.endpoint.label,
      protocol: state.endpoint.protocol,
      status: banned
        ? "banned"
        : state.lastError !== undefined
          ? "failing"
          : state.checked || state.successes > 0
            ? "ok"
            : "unchecked",
      latencyMs: state.latencyMs,
      error:
        ban === undefined
          ? state.lastError?.message
          : `${ban} Last error: ${state.lastError?.message ?? "none"}`,
      errorCode: state.lastError?.code,
      consecutiveFailures: state.consecutiveFailures,
      bannedUntil: banned ? new Date(state.bannedUntil) : undefined,
      successes: state.successes,
      failures: state.failures,
      bans: state.bans,
    }
  }

  return Ok({
    dispatcherFor(walletAddress) {
      const assigned = assign(walletAddress)
      return assigned.isOk() ? assigned.value.dispatcher : refusing
    },
    assign,
    async checkAll(target) {
      const checkTarget = target ?? options.check
      if (checkTarget === undefined)
        throw new Error("checkAll needs a target: pass { rpcUrl } or { url }, or set options.check")
      await mapWithConcurrency(states, options.checkConcurrency ?? 8, async (state) => {
        // Check the raw dispatcher: the check's own outcome is recorded once, here.
        const result = await checkProxy(state.endpoint, state.raw, checkTarget)
        state.checked = true
        state.latencyMs = result.latencyMs
        if (result.ok) {
          recordSuccess(state, result.latencyMs)
          state.bannedUntil = 0
        } else recordFailure(state, result.error)
      })
      return states.map(diagnosticOf)
    },
    diagnose() {
      return states.map(diagnosticOf)
    },
    get size() {
      return states.length
    },
    async close() {
      await Promise.all(states.map((state) => state.raw.destroy().catch(() => undefined)))
    },
  })
}
