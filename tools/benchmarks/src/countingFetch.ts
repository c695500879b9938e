/**
 * Counts what ethers sends: a FetchRequest whose getUrl hook counts HTTP requests and the
 * JSON-RPC calls in each body (a batch counts as its length), then forwards to ethers' default.
 */
import { FetchRequest } from "ethers"

/**
 * A counted connection for a JsonRpcProvider.
 *
 * @example
 * const { request, stats } = createCountingRequest(devnet.rpcUrl)
 * const provider = new JsonRpcProvider(request)
 */
export function createCountingRequest(url: string): {
  request: FetchRequest
  stats: { calls: number; httpRequests: number }
} {
  const stats = { calls: 0, httpRequests: 0 }
  const forward = FetchRequest.createGetUrlFunc()
  const request = new FetchRequest(url)
  request.getUrlFunc = (outgoing, signal) => {
    stats.httpRequests += 1
    const body = outgoing.body
    if (body !== null) {
      const parsed: unknown = JSON.parse(Buffer.from(body).toString("utf8"))
      stats.calls += Array.isArray(parsed) ? parsed.length : 1
    }
    return forward(outgoing, signal)
  }
  return { request, stats }
}
