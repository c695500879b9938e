import { request as httpRequest } from "node:http"
import { request as httpsRequest } from "node:https"

/**
 * Posts a JSON body to the node and returns its HTTP status and body text. Rejects when the
 * node cannot be reached.
 *
 * @example
 * const { status, body } = await postToUpstream("http://127.0.0.1:8545", '{"jsonrpc":"2.0","id":1,"method":"eth_chainId"}')
 */
export function postToUpstream(upstream: string, body: string): Promise<{ status: number; body: string }> {
  const send = upstream.startsWith("https:") ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const outgoing = send(
      upstream,
      {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (response) => {
        const chunks: Buffer[] = []
        response.on("data", (chunk: Buffer) => chunks.push(chunk))
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 502, body: Buffer.concat(chunks).toString("utf8") }),
        )
        response.on("error", reject)
      },
    )
    outgoing.on("error", reject)
    outgoing.end(body)
  })
}
