import { createServer } from "node:http"
import { listenOnLoopback, readRequestBody } from "./loopbackListener.js"

/**
 * A loopback JSON-RPC front for a node that answers `eth_getTransactionCount(address, "pending")`
 * as `"latest"`: what a load-balanced public RPC does when the node answering the count is not the
 * one that received the sender's transactions. The `pending` tag is node-local pool state
 * (Ethereum execution-apis, `eth_getTransactionCount`: "pending" is the node's own view), so two
 * processes funding from one key through such an endpoint both read the mined nonce and sign the
 * same one. anvil alone is a single node whose `pending` always sees every transaction, which
 * hides that race; this front brings it back.
 *
 * @example
 * const front = await startLaggingPendingFront(anvil.url)
 * // … run the CLIs against front.url …
 * expect(front.rewritten).toBeGreaterThan(0)
 */
export type LaggingPendingFront = {
  url: string
  /** How many pending-nonce reads were answered from the latest block. */
  readonly rewritten: number
  close(): Promise<void>
}

type Call = { id: unknown; method: string; params?: unknown[] }

/**
 * Starts the front on 127.0.0.1, forwarding every request to `upstream`.
 *
 * @example
 * const front = await startLaggingPendingFront("http://127.0.0.1:8545")
 */
export async function startLaggingPendingFront(upstream: string): Promise<LaggingPendingFront> {
  let rewritten = 0
  const lag = (call: Call): Call => {
    if (call.method !== "eth_getTransactionCount" || call.params?.[1] !== "pending") return call
    rewritten += 1
    return { ...call, params: [call.params[0], "latest"] }
  }
  const server = createServer(async (request, response) => {
    try {
      const parsed = JSON.parse(await readRequestBody(request)) as Call | Call[]
      const body = JSON.stringify(Array.isArray(parsed) ? parsed.map(lag) : lag(parsed))
      const answer = await fetch(upstream, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      })
      response.writeHead(answer.status, { "content-type": "application/json" }).end(await answer.text())
    } catch {
      response.destroy()
    }
  })
  const listening = await listenOnLoopback(server)
  return {
    url: `http://127.0.0.1:${listening.port}`,
    get rewritten() {
      return rewritten
    },
    close: () => listening.close(),
  }
}
