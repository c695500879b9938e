import { createServer } from "node:http"
import { listenOnLoopback, readRequestBody } from "./loopbackListener.js"
import { postToUpstream } from "./networkConditions/postToUpstream.js"

/**
 * A loopback JSON-RPC proxy in front of a real node that injects one fault at a time, chosen by
 * method: for tests that need a fault at an exact step (the funding send, the chain-id read)
 * rather than the seeded probabilities of the network-conditions proxy.
 *
 * @example
 * const proxy = await startMethodFaultProxy(devnet.rpcUrl)
 * proxy.failNext("eth_sendRawTransaction")
 */
export type MethodFaultProxy = {
  url: string
  /** The next HTTP request carrying this method is answered -32603 for every call in it (not forwarded). */
  failNext(method: string): void
  /** The next HTTP request carrying this method is never answered. */
  hangNext(method: string): void
  /** From now on nothing is answered. */
  blackHole(): void
  /** What was injected, in order (`"-32603 eth_sendRawTransaction"`, `"hang eth_chainId"`). */
  injected: string[]
  close(): Promise<void>
}

/**
 * Starts a {@link MethodFaultProxy} forwarding to `upstream`.
 *
 * @example
 * const proxy = await startMethodFaultProxy("http://127.0.0.1:8545")
 * proxy.hangNext("eth_chainId")
 * await proxy.close()
 */
export async function startMethodFaultProxy(upstream: string): Promise<MethodFaultProxy> {
  const failing = new Set<string>()
  const hanging = new Set<string>()
  const injected: string[] = []
  let dead = false
  const server = createServer(async (request, response) => {
    const body = await readRequestBody(request)
    if (dead) return
    const parsed = JSON.parse(body) as { id: unknown; method: string } | { id: unknown; method: string }[]
    const calls = Array.isArray(parsed) ? parsed : [parsed]
    const methods = calls.map((call) => call.method)
    const hung = [...hanging].find((method) => methods.includes(method))
    if (hung !== undefined) {
      hanging.delete(hung)
      injected.push(`hang ${hung}`)
      return
    }
    const failed = [...failing].find((method) => methods.includes(method))
    if (failed !== undefined) {
      failing.delete(failed)
      injected.push(`-32603 ${failed}`)
      const errors = calls.map((call) => ({
        jsonrpc: "2.0",
        id: call.id,
        error: { code: -32603, message: "internal error" },
      }))
      response.writeHead(200, { "content-type": "application/json" })
      response.end(JSON.stringify(Array.isArray(parsed) ? errors : errors[0]))
      return
    }
    try {
      const answer = await postToUpstream(upstream, body)
      if (dead) return
      response.writeHead(answer.status, { "content-type": "application/json" }).end(answer.body)
    } catch {
      response.destroy()
    }
  })
  const listening = await listenOnLoopback(server)
  return {
    url: `http://127.0.0.1:${listening.port}`,
    failNext: (method) => failing.add(method),
    hangNext: (method) => hanging.add(method),
    blackHole: () => {
      dead = true
    },
    injected,
    close: listening.close,
  }
}
