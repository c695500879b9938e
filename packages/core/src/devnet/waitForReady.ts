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

async function queryChainId(rpcUrl: string, timeoutMs: number): Promise<number | undefined> {
  try {
    const response = await fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }),
      signal: AbortSignal.timeout(Math.min(timeoutMs, 2_000)),
    })
    if (!response.ok) return undefined
    const body = (await response.json()) as { result?: unknown }
    return typeof body.result === "string" ? Number.parseInt(body.result, 16) : undefined
  } catch {
    return undefined // not listening yet
  }
}

function sleep(milliseconds: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), milliseconds))
}
