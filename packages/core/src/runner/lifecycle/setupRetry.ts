/**
 * Setup (chain id, funding, reads done by funding hooks) must survive one transient RPC fault but
 * never hang silently: each step is retried with backoff while it fails transiently, within the
 * setup deadline and only while some endpoint still answers (the outage rule); every wait longer
 * than 5 s says what it waits for.
 */
import type { BaseError } from "../../errors/base.js"
import { RunnerRpcOutageError, type RunnerRpcOutageErrorType } from "../../errors/runner.js"
import { withWaitLog } from "../../logging/waitLog.js"
import { Err, type Result } from "../../result.js"
import type { RunnerLogger } from "../ports.js"

/**
 * How a setup step retries and when it gives up.
 *
 * @example
 * const policy: SetupPolicy = { logger, startedAt: Date.now(), deadlineAt: Date.now() + 180_000, maxOutageMs: 60_000, lastAnswerAt: () => rpc.stats().lastAnswerAt, endpoints: rpc.endpoints }
 */
export type SetupPolicy = {
  logger: RunnerLogger
  /** Unix ms after which no new attempt starts. */
  deadlineAt: number
  /** No answer from any endpoint for this long ends the setup with {@link RunnerRpcOutageError}. */
  maxOutageMs: number
  /** Unix ms of the RPC's last answer (the client's `stats().lastAnswerAt`). */
  lastAnswerAt: () => number | undefined
  /** Masked endpoint URLs, named in the outage error. */
  endpoints: readonly string[]
  /** When setup began (the outage clock starts here when nothing has answered yet). */
  startedAt: number
  signal?: AbortSignal
  /** Interval of the "waiting for …" lines (default 5000 ms; 0: the step logs its own waits). */
  waitLogIntervalMs?: number
}

const transientCodes = new Set([
  "RPC_RATE_LIMITED",
  "RPC_TIMEOUT",
  "RPC_CONNECTION_REFUSED",
  "RPC_INVALID_RESPONSE",
  // A send or wait that the chain lost (dropped funding transaction): sending again may succeed.
  "RUNNER_RECEIPT_DEADLINE",
])

/**
 * True for failures that a retry may cure: rate limits, timeouts, 408/5xx, connection failures,
 * invalid responses, the node's JSON-RPC -32603 "internal error", a dropped transaction —
 * looked up through the whole cause chain (a funding error wraps the RPC error).
 *
 * @example
 * isTransientSetupError(new RpcTimeoutError({ timeoutMs: 10_000 })) // true
 */
export function isTransientSetupError(error: unknown): boolean {
  const seen = new Set<unknown>()
  let current: unknown = error
  while (current !== undefined && current !== null && !seen.has(current)) {
    seen.add(current)
    const fields = current as { code?: unknown; status?: unknown; nodeCode?: unknown; aborted?: unknown }
    if (fields.code === "RPC_TIMEOUT" && fields.aborted === true) return false
    if (typeof fields.code === "string" && transientCodes.has(fields.code)) return true
    if (fields.code === "RPC_HTTP_STATUS" && typeof fields.status === "number")
      return fields.status === 408 || fields.status >= 500
    if (fields.nodeCode === -32603) return true
    current = (current as { cause?: unknown }).cause
  }
  return false
}

/** Seconds since the last answer (or since setup began when nothing answered yet). */
function silentMs(policy: SetupPolicy, now: number): number {
  return now - Math.max(policy.lastAnswerAt() ?? 0, policy.startedAt)
}

function outageError(policy: SetupPolicy, silent: number, cause?: unknown): RunnerRpcOutageErrorType {
  return new RunnerRpcOutageError({
    endpoints: policy.endpoints,
    silentSeconds: Math.round(silent / 1000),
    maxOutageSeconds: Math.round(policy.maxOutageMs / 1000),
    during: "setup",
    cause,
  }) as RunnerRpcOutageErrorType
}

/**
 * Runs one setup step and retries it (250 ms doubling to 4 s) while it fails transiently, the
 * deadline allows and the RPC is not in outage. The step gets an AbortSignal that fires when the
 * outage window closes, so a hung request cannot outlive it; a wait beyond 5 s is logged.
 *
 * @example
 * const chainId = await retrySetup("the chain id from the RPC", (signal) => rpc.request<string>("eth_chainId", [], { signal }), policy)
 */
export async function retrySetup<T, E extends BaseError>(
  what: string,
  step: (signal: AbortSignal) => Promise<Result<T, E>>,
  policy: SetupPolicy,
): Promise<Result<T, E | RunnerRpcOutageErrorType>> {
  let delayMs = 250
  for (let attempt = 1; ; attempt++) {
    const outage = new AbortController()
    const watch = setInterval(() => {
      if (silentMs(policy, Date.now()) >= policy.maxOutageMs) outage.abort()
    }, 250)
    watch.unref()
    const signal = AbortSignal.any([outage.signal, ...(policy.signal === undefined ? [] : [policy.signal])])
    let result: Result<T, E>
    try {
      result =
        policy.waitLogIntervalMs === 0
          ? await step(signal)
          : await withWaitLog(policy.logger, what, step(signal), policy.waitLogIntervalMs)
    } finally {
      clearInterval(watch)
    }
    if (result.isOk()) return result
    const now = Date.now()
    const silent = silentMs(policy, now)
    if (outage.signal.aborted || silent >= policy.maxOutageMs)
      return Err(outageError(policy, silent, result.error))
    if (
      policy.signal?.aborted === true ||
      !isTransientSetupError(result.error) ||
      now + delayMs > policy.deadlineAt
    )
      return result
    policy.logger.warn(
      { step: what, attempt, code: result.error.code, retryInMs: delayMs },
      `${what} failed (${result.error.code}); retrying`,
    )
    await new Promise((resolve) => setTimeout(resolve, delayMs))
    delayMs = Math.min(delayMs * 2, 4000)
  }
}
