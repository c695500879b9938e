import { maskUrl } from "../redaction/maskUrl.js"

/**
 * A read-only view of one endpoint's health, for stats and logs (URL masked).
 *
 * @example
 * for (const endpoint of client.stats().endpoints) console.log(endpoint.endpoint, endpoint.errorRate)
 */
export type EndpointHealthSnapshot = {
  endpoint: string
  /** EWMA of failures (0 = always fine, 1 = always failing). */
  errorRate: number
  /** EWMA of request latency in ms (undefined before the first success). */
  latencyMs: number | undefined
  /** Blocks behind the highest head seen on any endpoint (undefined until reported). */
  headLag: number | undefined
  consecutiveFailures: number
  /** Epoch ms until which the endpoint is avoided; 0 when usable. */
  coolingDownUntil: number
  requests: number
  failures: number
}

/**
 * Tracks endpoint health and picks the healthiest one.
 *
 * @example
 * const health: EndpointHealth = createEndpointHealth(["http://a:8545", "http://b:8545"])
 * const index = health.pick()
 */
export type EndpointHealth = {
  /** The healthiest usable endpoint (index into the list), or the one that recovers first. */
  pick(exclude?: ReadonlySet<number>): number
  recordSuccess(index: number, latencyMs: number): void
  /** Counts a failure; `cooldownMs` (e.g. Retry-After) overrides the exponential cool-down. */
  recordFailure(index: number, cooldownMs?: number): void
  /** Records the head block an endpoint reported (from eth_blockNumber or the runner). */
  reportHead(index: number, blockNumber: bigint): void
  snapshot(): EndpointHealthSnapshot[]
}

/**
 * Tuning of {@link createEndpointHealth}.
 *
 * @example
 * createEndpointHealth(urls, { baseCooldownMs: 500, msPerBlockOfLag: 100 })
 */
export type EndpointHealthOptions = {
  /** EWMA weight of the newest sample. Default 0.2. */
  smoothing?: number
  /** Score cost of one block of head lag, in ms-equivalents. Default 250. */
  msPerBlockOfLag?: number
  /** Score cost of a 100% error rate, in ms-equivalents. Default 2000. */
  msPerErrorRate?: number
  /** First cool-down after a failure; doubles per consecutive failure. Default 250 ms. */
  baseCooldownMs?: number
  /** Longest cool-down. Default 30 000 ms. */
  maxCooldownMs?: number
  now?: () => number
}

type State = {
  errorRate: number
  latencyMs: number | undefined
  head: bigint | undefined
  consecutiveFailures: number
  coolingDownUntil: number
  requests: number
  failures: number
}

/**
 * Health of several endpoints of one chain: error-rate and latency EWMAs, head lag, and an
 * exponential cool-down after consecutive failures. `pick()` returns the endpoint with the
 * lowest score (latency + error-rate and lag penalties) among those not cooling down — so
 * traffic fails over away from a broken endpoint at once and comes back after the cool-down.
 * With every endpoint cooling down it returns the one that recovers first (never none).
 *
 * @example
 * const health = createEndpointHealth(["http://a:8545", "http://b:8545"])
 * health.recordFailure(0)
 * health.pick() // 1
 */
export function createEndpointHealth(
  endpoints: readonly string[],
  options: EndpointHealthOptions = {},
): EndpointHealth {
  if (endpoints.length === 0) throw new RangeError("createEndpointHealth needs at least one endpoint")
  const smoothing = options.smoothing ?? 0.2
  const msPerBlockOfLag = options.msPerBlockOfLag ?? 250
  const msPerErrorRate = options.msPerErrorRate ?? 2_000
  const baseCooldownMs = options.baseCooldownMs ?? 250
  const maxCooldownMs = options.maxCooldownMs ?? 30_000
  const now = options.now ?? Date.now
  const states: State[] = endpoints.map(() => ({
    errorRate: 0,
    latencyMs: undefined,
    head: undefined,
    consecutiveFailures: 0,
    coolingDownUntil: 0,
    requests: 0,
    failures: 0,
  }))
  let highestHead: bigint | undefined

  function lagOf(state: State): number | undefined {
    if (state.head === undefined || highestHead === undefined) return undefined
    return Number(highestHead - state.head)
  }

  function scoreOf(state: State): number {
    return (state.latencyMs ?? 0) + state.errorRate * msPerErrorRate + (lagOf(state) ?? 0) * msPerBlockOfLag
  }

  function stateAt(index: number): State {
    const state = states[index]
    if (state === undefined) throw new RangeError(`No endpoint at index ${index}`)
    return state
  }

  return {
    pick(exclude) {
      const time = now()
      let best = -1
      let bestScore = Number.POSITIVE_INFINITY
      let soonest = -1
      let soonestTime = Number.POSITIVE_INFINITY
      states.forEach((state, index) => {
        if (exclude?.has(index)) return
        if (state.coolingDownUntil > time) {
          if (state.coolingDownUntil < soonestTime) {
            soonestTime = state.coolingDownUntil
            soonest = index
          }
          return
        }
        const score = scoreOf(state)
        if (score < bestScore) {
          bestScore = score
          best = index
        }
      })
      if (best >= 0) return best
      if (soonest >= 0) return soonest
      // Everything excluded: ignore the exclusion rather than fail.
      return exclude === undefined || exclude.size === 0 ? 0 : this.pick()
    },
    recordSuccess(index, latencyMs) {
      const state = stateAt(index)
      state.requests += 1
      state.consecutiveFailures = 0
      state.coolingDownUntil = 0
      state.errorRate *= 1 - smoothing
      state.latencyMs =
        state.latencyMs === undefined
          ? latencyMs
          : state.latencyMs + smoothing * (latencyMs - state.latencyMs)
    },
    recordFailure(index, cooldownMs) {
      const state = stateAt(index)
      state.requests += 1
      state.failures += 1
      state.consecutiveFailures += 1
      state.errorRate += smoothing * (1 - state.errorRate)
      const exponential = Math.min(
        maxCooldownMs,
        baseCooldownMs * 2 ** Math.min(state.consecutiveFailures - 1, 20),
      )
      state.coolingDownUntil = now() + Math.max(exponential, cooldownMs ?? 0)
    },
    reportHead(index, blockNumber) {
      const state = stateAt(index)
      if (state.head === undefined || blockNumber > state.head) state.head = blockNumber
      if (highestHead === undefined || blockNumber > highestHead) highestHead = blockNumber
    },
    snapshot() {
      return states.map((state, index) => ({
        endpoint: maskUrl(endpoints[index] ?? ""),
        errorRate: state.errorRate,
        latencyMs: state.latencyMs,
        headLag: lagOf(state),
        consecutiveFailures: state.consecutiveFailures,
        coolingDownUntil: state.coolingDownUntil,
        requests: state.requests,
        failures: state.failures,
      }))
    },
  }
}
