/**
 * One JSON-RPC call (throws on an error answer).
 *
 * @example
 * const price = BigInt(await jsonRpc<string>(url, "eth_gasPrice", []))
 */
export async function jsonRpc<T>(url: string, method: string, params: readonly unknown[]): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
    signal: AbortSignal.timeout(5000),
  })
  const body = (await response.json()) as { result?: T; error?: { message: string } }
  if (body.error !== undefined || body.result === undefined)
    throw new Error(body.error?.message ?? "no result")
  return body.result
}
