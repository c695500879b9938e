/**
 * One funding (or reclaim) send that survives a full pool: a refusal "txpool is full" proves the
 * transaction was not admitted (its nonce is free again), and the pool empties as earlier
 * transactions are mined, so the same request is offered again after a growing back-off instead
 * of failing the whole round.
 */
import type { BaseError } from "../errors/base.js"
import { silentLogger } from "../logging/silentLogger.js"
import type { Result } from "../result.js"
import { isPoolFullRefusal } from "../rpc/sendOutcome.js"
import type { RunnerLogger, RunnerWallet } from "../runner/ports.js"
import type { SubmittedTransaction, Submitter } from "../runner/submitter.js"
import type { SendRequest } from "../tasks/transactionTypes.js"

/**
 * Back-off of {@link sendWithPoolRetry}: the first wait, the longest and how many tries in all.
 *
 * @example
 * const backOff: PoolRetryBackOff = { firstMs: 250, maximumMs: 4000, attempts: 12 }
 */
export type PoolRetryBackOff = { firstMs: number; maximumMs: number; attempts: number }

/** About 30 s in all: several blocks on every network we run on. */
const defaultBackOff: PoolRetryBackOff = { firstMs: 250, maximumMs: 4000, attempts: 12 }

function sleep(milliseconds: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, milliseconds)
    function done() {
      clearTimeout(timer)
      signal?.removeEventListener("abort", done)
      resolve()
    }
    signal?.addEventListener("abort", done, { once: true })
  })
}

/**
 * `submitter.send`, offered again after a back-off while the node answers that its pool is full.
 * Any other result (accepted, unknown, another refusal) is returned as it is.
 *
 * @example
 * const sent = await sendWithPoolRetry({ submitter, wallet: funder, request, taskName: fundingTaskName, signal })
 */
export async function sendWithPoolRetry(parameters: {
  submitter: Submitter
  wallet: RunnerWallet
  request: SendRequest
  taskName: string
  signal?: AbortSignal
  logger?: RunnerLogger
  backOff?: PoolRetryBackOff
}): Promise<Result<SubmittedTransaction, BaseError>> {
  const { submitter, wallet, request, taskName, signal } = parameters
  const backOff = parameters.backOff ?? defaultBackOff
  const logger = parameters.logger ?? silentLogger
  let waitMs = backOff.firstMs
  for (let attempt = 1; ; attempt++) {
    const sent = await submitter.send({
      wallet,
      request,
      taskName,
      ...(signal === undefined ? {} : { signal }),
    })
    if (sent.isOk() || !isPoolFullRefusal(sent.error) || attempt >= backOff.attempts) return sent
    if (signal?.aborted === true) return sent
    logger.info({ sender: wallet.address, attempt, waitMs }, "the node's pool is full; sending again later")
    await sleep(waitMs, signal)
    waitMs = Math.min(waitMs * 2, backOff.maximumMs)
  }
}
