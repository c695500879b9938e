import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import { keccak256 } from "ethers"
import { listenOnLoopback, readRequestBody } from "../loopbackListener.js"
import type { NetworkConditions, OutageWindow } from "./conditions.js"
import { createInjectionCounters, type InjectionCounters } from "./injectionCounters.js"
import { errorAnswer, type JsonRpcAnswer, type JsonRpcCall, rawTransactionOf } from "./jsonRpcMessages.js"
import { readPendingBySender } from "./pendingBySender.js"
import { postToUpstream } from "./postToUpstream.js"
import { createSeededRandom, type SeededRandom } from "./seededRandom.js"
import { type SenderDecoder, senderOfRawTransaction } from "./senderOfRawTransaction.js"

/**
 * Options of {@link startNetworkConditionsProxy}.
 *
 * @example
 * const options: NetworkConditionsProxyOptions = { upstream: "http://127.0.0.1:8545", conditions: { http5xx: 0.1 }, seed: 3 }
 */
export type NetworkConditionsProxyOptions = {
  /** The node's JSON-RPC URL. */
  upstream: string
  conditions: NetworkConditions
  /** Seed of every fault decision (same seed and same traffic, same faults). */
  seed: number
  /** Sender of raw transactions ethers cannot parse (e.g. Tempo 0x76), for `senderPendingCap`. */
  decodeSender?: SenderDecoder
}

/**
 * A running network-conditions proxy.
 *
 * @example
 * const proxy: NetworkConditionsProxy = await startNetworkConditionsProxy({ upstream, conditions: {}, seed: 1 })
 * console.log(proxy.url, proxy.counters.requests)
 */
export type NetworkConditionsProxy = {
  /** `http://127.0.0.1:PORT`: point the client here. */
  url: string
  /** Live counters of what was received and injected. */
  readonly counters: InjectionCounters
  /** JSON-RPC calls received, by method (so a benchmark can say which calls a job makes per transaction). */
  readonly callsByMethod: Readonly<Record<string, number>>
  /** performance.now() of the first `eth_sendRawTransaction*`, undefined before it. */
  readonly firstSendAt: number | undefined
  /** Closes the server and destroys every connection, hung ones included. */
  close(): Promise<void>
}

type CallPlan =
  | { kind: "answer"; answer: JsonRpcAnswer }
  | { kind: "forward"; call: JsonRpcCall; after?: (answer: JsonRpcAnswer) => JsonRpcAnswer }

/** The decisions taken once per HTTP request, drawn in a fixed order so the pattern is reproducible. */
type RequestDraws = {
  http5xx: boolean
  rateLimited: boolean
  resetBeforeForward: boolean
  hang: boolean
  resetAfterForward: boolean
  slow: boolean
}

const sleep = (milliseconds: number) =>
  milliseconds > 0 ? new Promise<void>((resolve) => setTimeout(resolve, milliseconds)) : Promise.resolve()

function drawRequest(random: SeededRandom, conditions: NetworkConditions): RequestDraws {
  return {
    http5xx: random.chance(conditions.http5xx ?? 0),
    rateLimited: random.chance(conditions.rateLimit?.probability ?? 0),
    resetBeforeForward: random.chance(conditions.resetBeforeForward ?? 0),
    hang: random.chance(conditions.hang ?? 0),
    resetAfterForward: random.chance(conditions.resetAfterForward ?? 0),
    slow: random.chance(conditions.slow?.probability ?? 0),
  }
}

function appliesTo(
  methods: readonly string[] | undefined,
  defaults: readonly string[] | "all",
  method: string,
) {
  const eligible = methods ?? defaults
  return eligible === "all" || eligible.includes(method)
}

/**
 * Starts a loopback HTTP server that forwards JSON-RPC to `upstream` under the given network
 * conditions: latency each way, HTTP 5xx, 429 with Retry-After, resets before and after
 * forwarding, slow and hung answers, sends answered but never forwarded, sends forwarded but
 * answered with -32603, arbitrary JSON-RPC errors, outage windows, a per-sender pool cap with
 * reth's "txpool is full", and EIP-7966 codes 4/5 for `eth_sendRawTransactionSync`. Per-call
 * faults apply to each call of a batch; the rest of the batch is forwarded as one batch.
 *
 * @example
 * const proxy = await startNetworkConditionsProxy({ upstream: anvilUrl, conditions: networkProfiles.resets.conditions, seed: 7 })
 * // … run the CLI with --rpc-url proxy.url …
 * console.log(proxy.counters.resetsAfterForward)
 * await proxy.close()
 */
export async function startNetworkConditionsProxy(
  options: NetworkConditionsProxyOptions,
): Promise<NetworkConditionsProxy> {
  const { upstream, conditions } = options
  const random = createSeededRandom(options.seed)
  const counters = createInjectionCounters()
  const callsByMethod: Record<string, number> = {}
  // Sends forwarded but not yet answered by the node: they are not in its pool listing yet.
  const inFlightBySender = new Map<string, number>()
  let firstSendAt: number | undefined
  let closed = false

  function activeOutage(): OutageWindow | undefined {
    if (firstSendAt === undefined) return undefined
    const elapsed = performance.now() - firstSendAt
    return conditions.outages?.find((window) => elapsed >= window.fromMs && elapsed < window.toMs)
  }

  async function planCalls(calls: readonly JsonRpcCall[]): Promise<CallPlan[]> {
    const cap = conditions.senderPendingCap
    const senders = calls.map((call) => {
      const raw = rawTransactionOf(call)
      return raw === undefined || cap === undefined
        ? undefined
        : senderOfRawTransaction(raw, options.decodeSender)
    })
    const known = [...new Set(senders.filter((sender): sender is string => sender !== undefined))]
    const pooled = known.length === 0 ? new Map<string, number>() : await readPendingBySender(upstream, known)
    return calls.map((call, index): CallPlan => {
      const raw = rawTransactionOf(call)
      const sender = senders[index]
      if (raw !== undefined && sender !== undefined && cap !== undefined) {
        const count = (pooled.get(sender) ?? 0) + (inFlightBySender.get(sender) ?? 0)
        if (count >= cap) {
          counters.senderCapRefusals += 1
          return { kind: "answer", answer: errorAnswer(call.id, -32003, "txpool is full") }
        }
        pooled.set(sender, (pooled.get(sender) ?? 0) + 1)
      }
      const jsonRpcError = conditions.jsonRpcError
      const drawsError = random.chance(jsonRpcError?.probability ?? 0)
      const drawsDrop = random.chance(conditions.sendThenDrop?.probability ?? 0)
      const drawsForwardThenError = random.chance(conditions.forwardThenError?.probability ?? 0)
      const drawsEip7966 = random.chance(conditions.eip7966?.probability ?? 0)
      const eip7966Code = random.pick(conditions.eip7966?.codes ?? [4])
      if (jsonRpcError !== undefined && drawsError && appliesTo(jsonRpcError.methods, "all", call.method)) {
        counters.jsonRpcErrors += 1
        return { kind: "answer", answer: errorAnswer(call.id, jsonRpcError.code, jsonRpcError.message) }
      }
      if (
        raw !== undefined &&
        drawsDrop &&
        appliesTo(conditions.sendThenDrop?.methods, ["eth_sendRawTransaction"], call.method)
      ) {
        counters.sendThenDrop += 1
        return { kind: "answer", answer: { jsonrpc: "2.0", id: call.id, result: keccak256(raw) } }
      }
      if (
        drawsForwardThenError &&
        appliesTo(
          conditions.forwardThenError?.methods,
          ["eth_sendRawTransaction", "eth_sendRawTransactionSync"],
          call.method,
        )
      ) {
        return {
          kind: "forward",
          call,
          after: (answer) => {
            counters.forwardThenError += 1
            return errorAnswer(answer.id, -32603, "internal error")
          },
        }
      }
      const eip7966 = conditions.eip7966
      if (
        raw !== undefined &&
        eip7966 !== undefined &&
        drawsEip7966 &&
        call.method === "eth_sendRawTransactionSync"
      ) {
        // Forwarded as the plain send: the transaction is in the pool at once, as the EIP says
        // for codes 4 and 5, and the client is not held until inclusion.
        return {
          kind: "forward",
          call: { ...call, method: "eth_sendRawTransaction" },
          after: (answer) => {
            if (answer.error !== undefined) return answer
            counters.eip7966 += 1
            return errorAnswer(
              answer.id,
              eip7966Code,
              eip7966Code === 4 ? "timeout" : "not ready",
              keccak256(raw),
            )
          },
        }
      }
      return { kind: "forward", call }
    })
  }

  async function forwardCalls(
    plans: readonly CallPlan[],
    single: boolean,
  ): Promise<{ answers: JsonRpcAnswer[] } | { status: number; body: string }> {
    const forwarded = plans.flatMap((plan, index) => (plan.kind === "forward" ? [{ plan, index }] : []))
    const answers: JsonRpcAnswer[] = plans.map((plan) =>
      plan.kind === "answer" ? plan.answer : errorAnswer(null, -32603, "missing answer"),
    )
    if (forwarded.length === 0) return { answers }
    // Ids are replaced by positions so the answers map back even if the client reused an id.
    const outgoing = forwarded.map(({ plan, index }) => ({
      ...(plan as { call: JsonRpcCall }).call,
      id: index,
    }))
    const senders = forwarded.map(({ plan }) => {
      const raw = plan.kind === "forward" ? rawTransactionOf(plan.call) : undefined
      return raw === undefined ? undefined : senderOfRawTransaction(raw, options.decodeSender)
    })
    for (const sender of senders)
      if (sender !== undefined) inFlightBySender.set(sender, (inFlightBySender.get(sender) ?? 0) + 1)
    counters.forwardedCalls += outgoing.length
    let upstreamAnswer: { status: number; body: string }
    try {
      upstreamAnswer = await postToUpstream(upstream, JSON.stringify(single ? outgoing[0] : outgoing))
    } finally {
      for (const sender of senders)
        if (sender !== undefined) inFlightBySender.set(sender, (inFlightBySender.get(sender) ?? 1) - 1)
    }
    let parsed: JsonRpcAnswer | JsonRpcAnswer[]
    try {
      parsed = JSON.parse(upstreamAnswer.body) as JsonRpcAnswer | JsonRpcAnswer[]
    } catch {
      return upstreamAnswer
    }
    if (upstreamAnswer.status !== 200) return upstreamAnswer
    for (const answer of Array.isArray(parsed) ? parsed : [parsed]) {
      const index = typeof answer.id === "number" ? answer.id : -1
      const plan = plans[index]
      if (plan?.kind !== "forward") continue
      const restored = { ...answer, id: plan.call.id }
      answers[index] = plan.after === undefined ? restored : plan.after(restored)
    }
    return { answers }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const text = await readRequestBody(request)
    counters.requests += 1
    let parsed: JsonRpcCall | JsonRpcCall[]
    try {
      parsed = JSON.parse(text) as JsonRpcCall | JsonRpcCall[]
    } catch {
      response.writeHead(400, { "content-type": "text/plain" }).end("invalid JSON")
      return
    }
    const single = !Array.isArray(parsed)
    const calls = Array.isArray(parsed) ? parsed : [parsed]
    counters.calls += calls.length
    for (const call of calls) callsByMethod[call.method] = (callsByMethod[call.method] ?? 0) + 1
    const sends = calls.filter((call) => rawTransactionOf(call) !== undefined).length
    counters.sends += sends
    if (sends > 0 && firstSendAt === undefined) firstSendAt = performance.now()
    const draws = drawRequest(random, conditions)
    const latency = conditions.latencyMs
    const jitter = () => (latency?.jitter === undefined ? 0 : random.integer(0, latency.jitter))

    const outage = activeOutage()
    if (outage !== undefined) {
      counters.outageRequests += 1
      if (outage.mode === "hang") return
      if (outage.mode === "reset") {
        request.socket.destroy()
        return
      }
      response.writeHead(503, { "content-type": "text/plain" }).end("service unavailable")
      return
    }
    await sleep((latency?.request ?? 0) + jitter())
    if (draws.http5xx) {
      counters.http5xx += 1
      const status = random.pick([500, 502, 503] as const)
      response.writeHead(status, { "content-type": "text/plain" }).end("upstream error")
      return
    }
    if (draws.rateLimited) {
      counters.rateLimited += 1
      const retryAfter = String(conditions.rateLimit?.retryAfterSeconds ?? 1)
      response
        .writeHead(429, { "content-type": "text/plain", "retry-after": retryAfter })
        .end("too many requests")
      return
    }
    if (draws.resetBeforeForward) {
      counters.resetsBeforeForward += 1
      request.socket.destroy()
      return
    }
    if (draws.hang) {
      counters.hangs += 1
      return
    }
    const plans = await planCalls(calls)
    let forwarded: Awaited<ReturnType<typeof forwardCalls>>
    try {
      forwarded = await forwardCalls(plans, single)
    } catch {
      counters.upstreamFailures += 1
      response.writeHead(502, { "content-type": "text/plain" }).end("upstream unreachable")
      return
    }
    if (draws.resetAfterForward) {
      counters.resetsAfterForward += 1
      request.socket.destroy()
      return
    }
    if (draws.slow) {
      counters.slow += 1
      await sleep(conditions.slow?.extraMs ?? 0)
    }
    await sleep((latency?.response ?? 0) + jitter())
    if (closed) return
    if ("status" in forwarded) {
      response.writeHead(forwarded.status, { "content-type": "application/json" }).end(forwarded.body)
      return
    }
    const body = single ? forwarded.answers[0] : forwarded.answers
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body))
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => request.socket.destroy())
  })
  const listening = await listenOnLoopback(server)
  return {
    url: `http://127.0.0.1:${listening.port}`,
    counters,
    callsByMethod,
    get firstSendAt() {
      return firstSendAt
    },
    close() {
      closed = true
      return listening.close()
    },
  }
}
