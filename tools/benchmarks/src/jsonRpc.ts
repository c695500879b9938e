/**
 * A bare JSON-RPC poster over fetch that counts calls and HTTP requests: the raw-limit phase and
 * the calibrations use it so they measure anvil, not a client library.
 */

/**
 * A counting JSON-RPC connection.
 *
 * @example
 * const rpc = createJsonRpc(devnet.rpcUrl)
 * const head = await rpc.call<string>("eth_blockNumber", [])
 */
export type JsonRpc = {
  call<T>(method: string, params: readonly unknown[]): Promise<T>
  /** One HTTP request carrying every call; answers in order (errors as `{ error }`). */
  batch(calls: readonly { method: string; params: readonly unknown[] }[]): Promise<unknown[]>
  readonly stats: { calls: number; httpRequests: number }
}

type Answer = { id: number; result?: unknown; error?: { message: string } }

/**
 * Creates the poster.
 *
 * @example
 * const answers = await createJsonRpc(url).batch(raws.map((raw) => ({ method: "eth_sendRawTransaction", params: [raw] })))
 */
export function createJsonRpc(url: string): JsonRpc {
  const stats = { calls: 0, httpRequests: 0 }
  async function post(body: unknown[]): Promise<Answer[]> {
    stats.httpRequests += 1
    stats.calls += body.length
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`HTTP ${response.status} from ${url}`)
    return (await response.json()) as Answer[]
  }
  return {
    async call<T>(method: string, params: readonly unknown[]) {
      const [answer] = await post([{ jsonrpc: "2.0", id: 0, method, params }])
      if (answer === undefined || answer.error !== undefined)
        throw new Error(`${method}: ${answer?.error?.message ?? "no answer"}`)
      return answer.result as T
    },
    async batch(calls) {
      const answers = await post(calls.map((call, id) => ({ jsonrpc: "2.0", id, ...call })))
      const byId = new Map(answers.map((answer) => [answer.id, answer]))
      return calls.map((_, id) => {
        const answer = byId.get(id)
        return answer?.error === undefined ? answer?.result : { error: answer.error }
      })
    },
    stats,
  }
}
