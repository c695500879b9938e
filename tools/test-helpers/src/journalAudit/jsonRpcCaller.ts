/**
 * A minimal JSON-RPC client over fetch that returns raw JSON (no ethers parsing: ethers cannot
 * read Tempo 0x76 transactions in blocks).
 *
 * @example
 * const node: JsonRpcCaller = createJsonRpcCaller("http://127.0.0.1:8545")
 * const latest = await node.call<string>("eth_blockNumber", [])
 */
export type JsonRpcCaller = {
  call<T>(method: string, params: unknown[]): Promise<T>
  /** One HTTP request with every call; answers in the calls' order. A JSON-RPC error throws. */
  batch<T>(calls: ReadonlyArray<{ method: string; params: unknown[] }>): Promise<T[]>
}

type Answer = { id: number; result?: unknown; error?: { code: number; message: string } }

/**
 * A caller for `url` with a per-request timeout (default 15 s).
 *
 * @example
 * const [receipt] = await createJsonRpcCaller(url).batch([{ method: "eth_getTransactionReceipt", params: [hash] }])
 */
export function createJsonRpcCaller(url: string, timeoutMs = 15_000): JsonRpcCaller {
  async function post(body: unknown): Promise<Answer | Answer[]> {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    })
    if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`)
    return (await response.json()) as Answer | Answer[]
  }
  const unwrap = (answer: Answer | undefined, method: string) => {
    if (answer === undefined) throw new Error(`no answer to ${method}`)
    if (answer.error !== undefined)
      throw new Error(`${method}: ${answer.error.message} (${answer.error.code})`)
    return answer.result
  }
  return {
    async call<T>(method: string, params: unknown[]) {
      return unwrap((await post({ jsonrpc: "2.0", id: 0, method, params })) as Answer, method) as T
    },
    async batch<T>(calls: ReadonlyArray<{ method: string; params: unknown[] }>) {
      if (calls.length === 0) return []
      const answers = (await post(calls.map((call, id) => ({ jsonrpc: "2.0", id, ...call })))) as Answer[]
      const byId = new Map(answers.map((answer) => [answer.id, answer]))
      return calls.map((call, id) => unwrap(byId.get(id), call.method) as T)
    },
  }
}
