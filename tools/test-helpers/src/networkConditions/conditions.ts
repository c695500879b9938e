/**
 * A fault applied to single JSON-RPC calls (also to each call inside a batch).
 *
 * @example
 * const fault: CallFault = { probability: 0.1, methods: ["eth_sendRawTransaction"] }
 */
export type CallFault = {
  /** Chance per eligible call, 0–1. */
  probability: number
  /** Only these methods (default: the fault's own default, see {@link NetworkConditions}). */
  methods?: readonly string[]
}

/**
 * A time range in which every HTTP request fails the same way. Times count from the first
 * `eth_sendRawTransaction*` the proxy sees, so an outage hits the load and not the start-up.
 *
 * @example
 * const outage: OutageWindow = { fromMs: 4000, toMs: 10_000, mode: "unavailable" }
 */
export type OutageWindow = {
  fromMs: number
  /** `Infinity`: the RPC never comes back. */
  toMs: number
  /** `unavailable`: HTTP 503; `reset`: the connection is destroyed; `hang`: no answer ever. */
  mode: "unavailable" | "reset" | "hang"
}

/**
 * What the network-conditions proxy does to traffic. Every probability is drawn from the
 * proxy's seeded random source; absent keys inject nothing.
 *
 * @example
 * const conditions: NetworkConditions = { latencyMs: { request: 50, response: 50 }, http5xx: 0.05 }
 */
export type NetworkConditions = {
  /** Added before forwarding (`request`) and before answering (`response`); `jitter` adds 0…jitter ms to each. */
  latencyMs?: { request?: number; response?: number; jitter?: number }
  /** Per HTTP request: answer 500/502/503 without forwarding. */
  http5xx?: number
  /** Per HTTP request: answer 429 with this Retry-After (seconds) without forwarding. */
  rateLimit?: { probability: number; retryAfterSeconds: number }
  /** Per HTTP request: destroy the connection before forwarding (the node never sees it). */
  resetBeforeForward?: number
  /** Per HTTP request: forward, then destroy the connection (the node got it, the client gets a reset). */
  resetAfterForward?: number
  /** Per HTTP request: answer `extraMs` later than usual. */
  slow?: { probability: number; extraMs: number }
  /** Per HTTP request: never answer (the client must time out). */
  hang?: number
  /** Per call, default `eth_sendRawTransaction`: answer the transaction's hash without forwarding it. */
  sendThenDrop?: CallFault
  /** Per call, default both send methods: forward, then answer JSON-RPC -32603 instead of the node's answer. */
  forwardThenError?: CallFault
  /** Per call, default every method: answer this JSON-RPC error without forwarding. */
  jsonRpcError?: CallFault & { code: number; message: string }
  /**
   * Per call, `eth_sendRawTransactionSync` only: forward the transaction to the pool, then answer
   * an EIP-7966 error — one of `codes` (4 timeout, 5 not ready), seeded — with the transaction's
   * hash as `data`.
   */
  eip7966?: { probability: number; codes: readonly [4 | 5, ...Array<4 | 5>] }
  /** Refuse a send when its sender already has this many transactions in the node's pool (reth/tempo: 16). */
  senderPendingCap?: number
  /** Time ranges in which everything fails or hangs. */
  outages?: readonly OutageWindow[]
}
