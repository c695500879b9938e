import type { NetworkConditions } from "./conditions.js"

/**
 * A named, documented set of network conditions.
 *
 * @example
 * const profile: NetworkProfile = { name: "slow", description: "…", conditions: { slow: { probability: 0.2, extraMs: 1500 } } }
 */
export type NetworkProfile = {
  name: NetworkProfileName
  description: string
  conditions: NetworkConditions
}

/**
 * The names of the built-in profiles.
 *
 * @example
 * const name: NetworkProfileName = "http5xx"
 */
export type NetworkProfileName =
  | "clean"
  | "latency100"
  | "http5xx"
  | "rateLimit429"
  | "resets"
  | "forwardThenError"
  | "sendThenDrop"
  | "slow"
  | "hangs"
  | "outage"
  | "deadRpc"
  | "senderCap16"
  | "eip7966"

const sendMethods = ["eth_sendRawTransaction", "eth_sendRawTransactionSync"] as const

/**
 * The built-in profiles. Probabilities are high enough that a 15 s run at 10 transactions per
 * second meets each fault several times, low enough that the run still makes progress.
 *
 * @example
 * startNetworkConditionsProxy({ upstream, conditions: networkProfiles.http5xx.conditions, seed: 1 })
 */
export const networkProfiles: Readonly<Record<NetworkProfileName, NetworkProfile>> = Object.freeze({
  clean: { name: "clean", description: "Forwards everything unchanged (the baseline).", conditions: {} },
  latency100: {
    name: "latency100",
    description: "100 ms each way plus up to 20 ms of jitter.",
    conditions: { latencyMs: { request: 100, response: 100, jitter: 20 } },
  },
  http5xx: {
    name: "http5xx",
    description: "8% of HTTP requests answer 500, 502 or 503 without reaching the node.",
    conditions: { http5xx: 0.08 },
  },
  rateLimit429: {
    name: "rateLimit429",
    description: "8% of HTTP requests answer 429 with Retry-After: 1.",
    conditions: { rateLimit: { probability: 0.08, retryAfterSeconds: 1 } },
  },
  resets: {
    name: "resets",
    description:
      "4% of HTTP requests are reset before forwarding, 4% after forwarding (the node acted, the client sees a reset).",
    conditions: { resetBeforeForward: 0.04, resetAfterForward: 0.04 },
  },
  forwardThenError: {
    name: "forwardThenError",
    description: "10% of sends reach the node, then the client gets JSON-RPC -32603 instead of the hash.",
    conditions: { forwardThenError: { probability: 0.1, methods: sendMethods } },
  },
  sendThenDrop: {
    name: "sendThenDrop",
    description: "8% of eth_sendRawTransaction calls get their hash back but never reach the node.",
    conditions: { sendThenDrop: { probability: 0.08 } },
  },
  slow: {
    name: "slow",
    description: "15% of HTTP requests are answered 1.5 s late.",
    conditions: { slow: { probability: 0.15, extraMs: 1500 } },
  },
  hangs: {
    name: "hangs",
    description: "2% of HTTP requests are never answered (the client must time out and retry).",
    conditions: { hang: 0.02 },
  },
  outage: {
    name: "outage",
    description: "Every request answers 503 from 4 s to 10 s after the first send, then the RPC recovers.",
    conditions: { outages: [{ fromMs: 4000, toMs: 10_000, mode: "unavailable" }] },
  },
  deadRpc: {
    name: "deadRpc",
    // 6 s: past the funding of the run's wallets, inside the load.
    description: "From 6 s after the first send on, every connection is reset: the RPC never comes back.",
    conditions: { outages: [{ fromMs: 6000, toMs: Number.POSITIVE_INFINITY, mode: "reset" }] },
  },
  senderCap16: {
    name: "senderCap16",
    description: "A send is refused with reth's 'txpool is full' when its sender already has 16 in the pool.",
    conditions: { senderPendingCap: 16 },
  },
  eip7966: {
    name: "eip7966",
    description:
      "20% of eth_sendRawTransactionSync calls reach the pool, then answer EIP-7966 code 4 (timeout) or 5 (not ready) with the hash.",
    conditions: { eip7966: { probability: 0.2, codes: [4, 5] } },
  },
})

/**
 * A built-in profile by name, or undefined (the names are in {@link networkProfiles}).
 *
 * @example
 * const profile = getNetworkProfile(process.env.PROFILE ?? "clean")
 */
export function getNetworkProfile(name: string): NetworkProfile | undefined {
  return Object.hasOwn(networkProfiles, name) ? networkProfiles[name as NetworkProfileName] : undefined
}
