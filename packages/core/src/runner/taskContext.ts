/**
 * Builds the `TaskContext` a task runs with: its leased wallet, the submission pipeline (`send`,
 * `sendAndWait`, `waitForReceipt`), reads (`call`), fees from the per-block cache, seeded
 * randomness, database queries, a logger, its cancellation signal, and recorders for what it creates.
 */
import type { RunRecorder } from "../database/recorder.js"
import { RunnerUnknownTransactionError } from "../errors/runner.js"
import { Err } from "../result.js"
import type { ChainHead, TaskContext, TaskDatabase, TaskSigner } from "../tasks/context.js"
import type { ChainDefinition } from "../tasks/defineChain.js"
import type { Random } from "../tasks/random.js"
import { toQuantity } from "./chainTypes.js"
import { receiptFromOutcome } from "./outcomeReceipt.js"
import type { RunnerGasManager, RunnerLogger, RunnerRpc } from "./ports.js"
import type { ReceiptTracker } from "./receiptTracker.js"
import type { SubmittedTransaction, Submitter } from "./submitter.js"
import type { TransactionOutcome } from "./tracker/types.js"

/**
 * Creates a task context. `onSent` sees every accepted transaction (the runner holds the lease
 * until they settle).
 *
 * @example
 * const context = createTaskContext({ chain, runId, worker: 0, taskName: "transfer", wallet, submitter, tracker, rpc, gas, random, database, logger, signal, recorder })
 */
export function createTaskContext(parameters: {
  chain: ChainDefinition
  chainId: number
  runId: string
  worker: number
  taskName: string
  wallet: TaskSigner
  submitter: Submitter
  tracker: ReceiptTracker
  rpc: RunnerRpc
  gas: RunnerGasManager
  random: Random
  database: TaskDatabase
  logger: RunnerLogger
  signal: AbortSignal
  recorder: RunRecorder
  /** The newest block the run's block feed processed (absent: the context knows none). */
  head?(): ChainHead | undefined
  onSent?(sent: SubmittedTransaction): void
}): TaskContext {
  const { wallet, submitter, tracker, taskName, signal, rpc, recorder } = parameters
  function deadline(timeoutMs: number | undefined) {
    return timeoutMs === undefined ? signal : AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)])
  }
  // This task's own sends, for `waitForReceipt`: found however long ago they settled, and gone
  // with the task (the tracker's memory of settled outcomes is short: receipts with their logs are
  // the largest thing a run holds).
  const ownOutcomes = new Map<string, Promise<TransactionOutcome>>()
  async function send(request: Parameters<TaskContext["send"]>[0]) {
    const result = await submitter.send({ wallet, request, taskName, signal })
    if (result.isOk()) {
      ownOutcomes.set(result.value.hash.toLowerCase(), result.value.outcome)
      parameters.onSent?.(result.value)
    }
    return result
  }
  return {
    chain: parameters.chain,
    chainId: parameters.chainId,
    task: parameters.chain.tasks.find((task) => task.name === taskName) ?? { name: taskName, category: "" },
    wallet,
    address: wallet.address,
    runId: parameters.runId,
    worker: parameters.worker,
    send,
    async sendAndWait(request, options) {
      const sent = await send(request)
      if (sent.isErr()) return Err(sent.error)
      return receiptFromOutcome(sent.value.outcome, deadline(options?.timeoutMs))
    },
    async waitForReceipt(hash, options) {
      const outcome = ownOutcomes.get(hash.toLowerCase()) ?? tracker.outcomeOf(hash)
      if (outcome === undefined) return Err(new RunnerUnknownTransactionError({ hash }))
      return receiptFromOutcome(outcome, deadline(options?.timeoutMs))
    },
    call(request) {
      return rpc.request<string>(
        "eth_call",
        [
          {
            to: request.to,
            data: request.data,
            ...(request.from === undefined ? {} : { from: request.from }),
            ...(request.value === undefined ? {} : { value: toQuantity(request.value) }),
          },
          request.blockTag ?? "latest",
        ],
        { signal },
      )
    },
    rpc,
    fees: () => parameters.gas.currentFees(),
    head: () => parameters.head?.(),
    random: parameters.random,
    database: parameters.database,
    logger: parameters.logger,
    signal,
    recordContract(contract) {
      const { chainId, runId } = parameters
      recorder.recordCreatedContract({
        ...contract,
        chainId,
        runId,
        wallet: wallet.address,
        createdAt: Date.now(),
      })
    },
    recordAsset(asset) {
      const { chainId, runId } = parameters
      recorder.recordCreatedAsset({ ...asset, chainId, runId, wallet: wallet.address, createdAt: Date.now() })
    },
  }
}
