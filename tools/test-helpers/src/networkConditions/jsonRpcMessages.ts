/**
 * One JSON-RPC call as received (a batch is a list of these).
 *
 * @example
 * const call: JsonRpcCall = { jsonrpc: "2.0", id: 1, method: "eth_blockNumber", params: [] }
 */
export type JsonRpcCall = { jsonrpc: "2.0"; id: unknown; method: string; params?: unknown[] }

/**
 * One JSON-RPC answer: a result or an error.
 *
 * @example
 * const answer: JsonRpcAnswer = { jsonrpc: "2.0", id: 1, error: { code: -32603, message: "internal error" } }
 */
export type JsonRpcAnswer = {
  jsonrpc: "2.0"
  id: unknown
  result?: unknown
  error?: { code: number; message: string; data?: unknown }
}

/** The methods that put a transaction into the pool. */
export const sendRawTransactionMethods: readonly string[] = [
  "eth_sendRawTransaction",
  "eth_sendRawTransactionSync",
]

/**
 * A JSON-RPC error answer.
 *
 * @example
 * errorAnswer(7, -32603, "internal error") // { jsonrpc: "2.0", id: 7, error: { code: -32603, message: "internal error" } }
 */
export function errorAnswer(id: unknown, code: number, message: string, data?: unknown): JsonRpcAnswer {
  return { jsonrpc: "2.0", id, error: data === undefined ? { code, message } : { code, message, data } }
}

/**
 * The raw transaction of a send call, or undefined for any other call.
 *
 * @example
 * rawTransactionOf({ jsonrpc: "2.0", id: 1, method: "eth_sendRawTransaction", params: ["0x02f8…"] }) // "0x02f8…"
 */
export function rawTransactionOf(call: JsonRpcCall): string | undefined {
  if (!sendRawTransactionMethods.includes(call.method)) return undefined
  const [raw] = call.params ?? []
  return typeof raw === "string" ? raw : undefined
}
