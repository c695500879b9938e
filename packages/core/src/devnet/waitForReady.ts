import { request as httpRequest } from "node:http"

/**
 * Outcome of one readiness wait.
 *
 * @example
 * if (outcome.kind === "ready") console.log(outcome.chainId)
 */
export type ReadyOutcome = { kind: "ready"; chainId: number } | { kind: "exited" } | { kind: "timeout" }

/**
 * Polls `eth_chainId` until it answers, the process exits (`exited` resolves) or the deadline passes.
 *
 * @example
 * const outcome = await waitForReady({ rpcUrl, timeoutMs: 30_000, exited })
 */
export async function waitForReady(parameters: {
  rpcUrl: string
  timeoutMs: number
  exited: Promise<unknown>
  intervalMs?: number
}): Promise<ReadyOutcome> {
  const { rpcUrl, timeoutMs, intervalMs = 50 } = parameters
  let hasExited = false
  const exitedMarker = parameters.exited.then(() => {
    hasExited = true
    return { kind: "exited" } as const
  })
  const deadline = Date.now() + timeoutMs
  while (!hasExited && Date.now() < deadline) {
    const attempt = await Promise.race([
      queryChainId(rpcUrl, Math.max(1, deadline - Date.now())),
      exitedMarker,
    ])
    if (typeof attempt === "object") return attempt
    if (attempt !== undefined) return { kind: "ready", chainId: attempt }
    const pause = await Promise.race([sleep(intervalMs), exitedMarker])
    if (pause !== undefined) return pause
  }
  return hasExited ? { kind: "exited" } : { kind: "timeout" }
}

/**
 * One `eth_chainId` over a fresh connection (`agent: false`, `connection: close`): a pooled
 * keep-alive socket would otherwise keep a finished process alive for seconds.
 */
function queryChainId(rpcUrl: string, timeoutMs: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] })
    const request = httpRequest(
      rpcUrl,
      {
        method: "POST",
        agent: false,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          connection: "close",
        },
        timeout: Math.min(timeoutMs, 2_000),
      },
      (response) => {
        let text = ""
        response.setEncoding("utf8")
        response.on("data", (chunk: string) => {
          text += chunk
        })
        response.on("end", () => {
          try {
            const parsed = JSON.parse(text) as { result?: unknown }
            resolve(typeof parsed.result === "string" ? Number.parseInt(parsed.result, 16) : undefined)
          } catch {
            resolve(undefined)
          }
        })
        response.on("error", () => resolve(undefined))
      },
    )
    request.on("timeout", () => request.destroy())
    request.on("error", () => resolve(undefined)) // not listening yet
    request.end(body)
  })
}

function sleep(milliseconds: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), milliseconds))
}
