/**
 * How often the proxy did each thing, so a test can prove the faults really happened.
 *
 * @example
 * expect(proxy.counters.forwardThenError).toBeGreaterThan(0)
 */
export type InjectionCounters = {
  /** HTTP requests received. */
  requests: number
  /** JSON-RPC calls received (each call of a batch counts). */
  calls: number
  /** `eth_sendRawTransaction*` calls received. */
  sends: number
  /** JSON-RPC calls forwarded to the node. */
  forwardedCalls: number
  http5xx: number
  rateLimited: number
  resetsBeforeForward: number
  resetsAfterForward: number
  slow: number
  hangs: number
  sendThenDrop: number
  forwardThenError: number
  jsonRpcErrors: number
  senderCapRefusals: number
  eip7966: number
  /** HTTP requests that fell into an outage window. */
  outageRequests: number
  /** The node could not be reached (answered 502). */
  upstreamFailures: number
}

/**
 * Counters all at zero.
 *
 * @example
 * const counters = createInjectionCounters()
 * counters.http5xx += 1
 */
export function createInjectionCounters(): InjectionCounters {
  return {
    requests: 0,
    calls: 0,
    sends: 0,
    forwardedCalls: 0,
    http5xx: 0,
    rateLimited: 0,
    resetsBeforeForward: 0,
    resetsAfterForward: 0,
    slow: 0,
    hangs: 0,
    sendThenDrop: 0,
    forwardThenError: 0,
    jsonRpcErrors: 0,
    senderCapRefusals: 0,
    eip7966: 0,
    outageRequests: 0,
    upstreamFailures: 0,
  }
}
