import { type RpcErrorType, RpcTimeoutError } from "../errors/rpc.js"
import { Err, type Result } from "../result.js"

/**
 * The part of a queued call that hedging needs.
 *
 * @example
 * const call: HedgeableCall = { method: "eth_blockNumber", settled: false, signal: undefined }
 */
export type HedgeableCall = { method: string; settled: boolean; signal: AbortSignal | undefined }

/**
 * Sends an idempotent read, and once more after `hedgeAfterMs` without an answer; the first
 * answer wins and the other attempt is settled with it (its late answer is ignored). An error
 * waits for the other attempt while it runs: it may still answer. Why: a hung or slow answer
 * (a proxy, an overloaded endpoint) then costs about `hedgeAfterMs`, not the timeout.
 *
 * @example
 * sendHedged({ newCall, hedgeAfterMs: 1000, resolve, enqueue: (call) => queue.enqueue(call), settle, isClosed: () => closed, onHedge: () => {} })
 */
export function sendHedged<Call extends HedgeableCall>(parameters: {
  newCall: (settleWith: (result: Result<unknown, RpcErrorType>) => void) => Call
  hedgeAfterMs: number
  resolve: (result: Result<unknown, RpcErrorType>) => void
  enqueue: (call: Call) => void
  settle: (call: Call, result: Result<unknown, RpcErrorType>) => void
  isClosed: () => boolean
  /** Called before the second attempt is queued (e.g. to send it to another endpoint). */
  onHedge: (second: Call, first: Call) => void
}): void {
  const calls: Call[] = []
  let done = false
  let failures = 0
  let timer: NodeJS.Timeout | undefined
  const finish = (result: Result<unknown, RpcErrorType>) => {
    if (done) return
    if (result.isErr()) {
      failures += 1
      if (failures < calls.length) return
    }
    done = true
    clearTimeout(timer)
    for (const call of calls) if (!call.settled) parameters.settle(call, result)
    parameters.resolve(result)
  }
  const first = parameters.newCall(finish)
  calls.push(first)
  const signal = first.signal
  const abortedError = () =>
    Err(new RpcTimeoutError({ method: first.method, aborted: true, cause: signal?.reason }) as RpcErrorType)
  if (signal?.aborted === true) {
    parameters.resolve(abortedError())
    return
  }
  signal?.addEventListener(
    "abort",
    () => {
      failures = calls.length
      finish(abortedError())
    },
    { once: true },
  )
  timer = setTimeout(() => {
    if (done || parameters.isClosed()) return
    const second = parameters.newCall(finish)
    calls.push(second)
    parameters.onHedge(second, first)
    parameters.enqueue(second)
  }, parameters.hedgeAfterMs)
  parameters.enqueue(first)
}
