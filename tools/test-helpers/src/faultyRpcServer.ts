import { createServer, type IncomingMessage, type ServerResponse } from "node:http"
import { listenOnLoopback, readRequestBody } from "./loopbackListener.js"
import { postToUpstream } from "./networkConditions/postToUpstream.js"

/**
 * What the faulty server does with one HTTP request.
 *
 * @example
 * const steps: FaultStep[] = [{ kind: "status", status: 429, retryAfter: "1" }, { kind: "reset" }, { kind: "hang" }]
 */
export type FaultStep =
  /** Answer with an HTTP status (e.g. 429 with Retry-After, 500, 502) and an optional body. */
  | { kind: "status"; status: number; retryAfter?: string; body?: string }
  /** Never answer (the client must time out). The socket is closed when the server closes. */
  | { kind: "hang" }
  /** Destroy the socket without an answer (connection reset). */
  | { kind: "reset" }
  /** Answer 200 with this raw text (e.g. invalid JSON). */
  | { kind: "raw"; body: string }
  /** Answer from `answer` (or the upstream when one is configured). */
  | { kind: "pass" }

/**
 * A JSON-RPC request as the server received it.
 *
 * @example
 * const answer = (call: JsonRpcRequestBody) => (call.method === "eth_chainId" ? "0x7a69" : null)
 */
export type JsonRpcRequestBody = { jsonrpc: "2.0"; id: unknown; method: string; params?: unknown[] }

/**
 * One received HTTP request.
 *
 * @example
 * const [first, second] = server.requests
 * expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(1000)
 */
export type RecordedRequest = {
  /** performance.now() at arrival, to check backoff and Retry-After spacing. */
  receivedAt: number
  /** The parsed body: one request or a batch. */
  body: JsonRpcRequestBody | JsonRpcRequestBody[]
  step: FaultStep["kind"]
  authorization: string | undefined
}

/**
 * Options of {@link startFaultyRpcServer}.
 *
 * @example
 * await startFaultyRpcServer({ script: [{ kind: "status", status: 500 }], upstream: devnet.rpcUrl })
 */
export type FaultyRpcServerOptions = {
  /** Applied to the 1st, 2nd, … HTTP request; afterwards every request is `{ kind: "pass" }`. */
  script?: FaultStep[]
  /** Forward passed requests to this real endpoint (e.g. anvil). */
  upstream?: string
  /** Answer passed requests locally: called per JSON-RPC call, returns its `result`. */
  answer?: (call: JsonRpcRequestBody) => unknown
}

/**
 * A running faulty server.
 *
 * @example
 * const server: FaultyRpcServer = await startFaultyRpcServer()
 * server.push({ kind: "reset" })
 */
export type FaultyRpcServer = {
  url: string
  requests: RecordedRequest[]
  /** Appends steps to the script (for later requests). */
  push(...steps: FaultStep[]): void
  close(): Promise<void>
}

function answerLocally(
  parsed: JsonRpcRequestBody | JsonRpcRequestBody[],
  answer: (call: JsonRpcRequestBody) => unknown,
) {
  const one = (call: JsonRpcRequestBody) => {
    try {
      return { jsonrpc: "2.0", id: call.id, result: answer(call) ?? null }
    } catch (error) {
      return { jsonrpc: "2.0", id: call.id, error: { code: -32000, message: (error as Error).message } }
    }
  }
  return Array.isArray(parsed) ? parsed.map(one) : one(parsed)
}

/**
 * Starts a JSON-RPC HTTP server on 127.0.0.1 that misbehaves on a script — 429 with
 * Retry-After, 5xx, hangs, socket resets, invalid JSON — and otherwise forwards to a real
 * upstream (anvil) or answers locally. Every request is recorded with its arrival time, so
 * tests can check retries, backoff spacing and failover from the outside.
 *
 * @example
 * const server = await startFaultyRpcServer({ script: [{ kind: "status", status: 429, retryAfter: "1" }], upstream: devnet.rpcUrl })
 * // … point an RPC client at server.url …
 * await server.close()
 */
export async function startFaultyRpcServer(options: FaultyRpcServerOptions = {}): Promise<FaultyRpcServer> {
  const script = [...(options.script ?? [])]
  const requests: RecordedRequest[] = []
  const answer =
    options.answer ?? ((call: JsonRpcRequestBody) => (call.method === "eth_chainId" ? "0x7a69" : null))

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const text = await readRequestBody(request)
    const step = script.shift() ?? { kind: "pass" }
    let parsed: JsonRpcRequestBody | JsonRpcRequestBody[]
    try {
      parsed = JSON.parse(text) as JsonRpcRequestBody | JsonRpcRequestBody[]
    } catch {
      response.writeHead(400).end("bad json")
      return
    }
    requests.push({
      receivedAt: performance.now(),
      body: parsed,
      step: step.kind,
      authorization: request.headers.authorization,
    })
    switch (step.kind) {
      case "status": {
        const headers: Record<string, string> = { "content-type": "text/plain" }
        if (step.retryAfter !== undefined) headers["retry-after"] = step.retryAfter
        response.writeHead(step.status, headers).end(step.body ?? "")
        return
      }
      case "hang":
        return
      case "reset":
        request.socket.destroy()
        return
      case "raw":
        response.writeHead(200, { "content-type": "application/json" }).end(step.body)
        return
      case "pass": {
        if (options.upstream !== undefined) {
          try {
            const upstream = await postToUpstream(options.upstream, text)
            response.writeHead(upstream.status, { "content-type": "application/json" }).end(upstream.body)
          } catch {
            response.writeHead(502).end("upstream failed")
          }
          return
        }
        response
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify(answerLocally(parsed, answer)))
      }
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => request.socket.destroy())
  })
  const listening = await listenOnLoopback(server)
  return {
    url: `http://127.0.0.1:${listening.port}`,
    requests,
    push(...steps) {
      script.push(...steps)
    },
    close: listening.close,
  }
}
