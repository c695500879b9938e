/**
 * Crash recovery at start: a killed process leaves its run `running` and rows `pending` although
 * the chain has long decided about them. The runs are closed as `crashed`; each pending row gets
 * the chain's answer (receipt → included/failed; unknown to the node with the sender's nonce past
 * it → replaced; unknown with the nonce not reached → dropped; still in the pool → left pending).
 */
import type { DatabaseManager } from "../database/openDatabase.js"
import type { TransactionUpdate } from "../database/rows.js"
import type { BaseError } from "../errors/base.js"
import { Ok, type Result } from "../result.js"
import type { RunnerLogger, RunnerRpc } from "./ports.js"
import { silentLogger } from "./ports.js"

/**
 * What crash recovery did.
 *
 * @example
 * console.log(`${report.reconciled} rows reconciled, ${report.crashedRuns} runs closed as crashed`)
 */
export type CrashRecoveryReport = {
  /** Runs closed as `crashed`. */
  crashedRuns: number
  /** Pending rows given a final status. */
  reconciled: number
  included: number
  failed: number
  dropped: number
  replaced: number
  /** Still in the node's pool, or the lookup failed: left pending for a later start. */
  stillPending: number
}

/** Rows looked up per round: one JSON-RPC batch of receipts (split by the client's batch size). */
const chunkSize = 500

type Receipt = { status?: string; blockNumber?: string; gasUsed?: string; effectiveGasPrice?: string }

/**
 * Closes crashed runs of the chain and reconciles the rows earlier runs left pending. With
 * `reconcileTransactions: false` (an embedded devnet: the old chain is gone) only the runs are closed.
 *
 * @example
 * const recovered = await recoverCrashedRuns({ rpc, database, chainId: 31337, reconcileTransactions: true, logger })
 * if (recovered.isOk()) logger.info(recovered.value, "crash recovery")
 */
export async function recoverCrashedRuns(parameters: {
  rpc: RunnerRpc
  database: Pick<DatabaseManager, "closeCrashedRuns" | "pendingRowsOfFinishedRuns" | "recorder">
  chainId: number
  reconcileTransactions: boolean
  logger?: RunnerLogger
  signal?: AbortSignal
}): Promise<Result<CrashRecoveryReport, BaseError>> {
  const { rpc, database, chainId } = parameters
  const logger = parameters.logger ?? silentLogger
  const report: CrashRecoveryReport = {
    crashedRuns: 0,
    reconciled: 0,
    included: 0,
    failed: 0,
    dropped: 0,
    replaced: 0,
    stillPending: 0,
  }
  const closed = await database.closeCrashedRuns({ chainId })
  if (closed.isErr()) return closed
  report.crashedRuns = closed.value.length
  for (const run of closed.value)
    logger.warn({ runId: run.id, startedAt: run.startedAt }, "closed a run left running by a crash")
  if (!parameters.reconcileTransactions) return Ok(report)
  const pending = await database.pendingRowsOfFinishedRuns({ chainId })
  if (pending.isErr()) return pending
  const signal = parameters.signal
  const request = <T>(method: string, params: readonly unknown[]) =>
    rpc.request<T>(method, params, signal === undefined ? {} : { signal })
  for (let start = 0; start < pending.value.length; start += chunkSize) {
    const rows = pending.value.slice(start, start + chunkSize)
    // Issued in one tick: the RPC client sends them as JSON-RPC batches.
    const receipts = await Promise.all(
      rows.map((row) => request<Receipt | null>("eth_getTransactionReceipt", [row.hash])),
    )
    const updates: TransactionUpdate[] = []
    const unknown: typeof rows = []
    const mined: { row: (typeof rows)[number]; receipt: Receipt }[] = []
    for (const [index, row] of rows.entries()) {
      const receipt = receipts[index]
      if (receipt === undefined || receipt.isErr()) report.stillPending += 1
      else if (receipt.value === null) unknown.push(row)
      else mined.push({ row, receipt: receipt.value })
    }
    // Block times for the inclusion timestamps, one lookup per block.
    const blocks = [...new Set(mined.map(({ receipt }) => receipt.blockNumber ?? "0x0"))]
    const blockResults = await Promise.all(
      blocks.map((block) => request<{ timestamp?: string } | null>("eth_getBlockByNumber", [block, false])),
    )
    const blockTimes = new Map<string, number>()
    for (const [index, block] of blocks.entries()) {
      const result = blockResults[index]
      const timestamp = result?.isOk() ? result.value?.timestamp : undefined
      if (timestamp !== undefined) blockTimes.set(block, Number(BigInt(timestamp)) * 1000)
    }
    for (const { row, receipt } of mined) {
      const succeeded = receipt.status === undefined || BigInt(receipt.status) === 1n
      if (succeeded) report.included += 1
      else report.failed += 1
      updates.push({
        hash: row.hash,
        status: succeeded ? "included" : "failed",
        includedBlock: receipt.blockNumber === undefined ? undefined : BigInt(receipt.blockNumber),
        includedAt: blockTimes.get(receipt.blockNumber ?? "0x0"),
        gasUsed: receipt.gasUsed === undefined ? undefined : BigInt(receipt.gasUsed),
        effectiveGasPrice:
          receipt.effectiveGasPrice === undefined ? undefined : BigInt(receipt.effectiveGasPrice),
        errorCode: succeeded ? undefined : "REVERTED",
      })
    }
    if (unknown.length > 0) {
      const known = await Promise.all(
        unknown.map((row) => request<unknown>("eth_getTransactionByHash", [row.hash])),
      )
      const senders = [...new Set(unknown.filter((row) => row.nonceKey === "0").map((row) => row.wallet))]
      const counts = await Promise.all(
        senders.map((sender) => request<string>("eth_getTransactionCount", [sender, "latest"])),
      )
      const chainNonces = new Map<string, bigint>()
      for (const [index, sender] of senders.entries()) {
        const count = counts[index]
        if (count?.isOk()) chainNonces.set(sender, BigInt(count.value))
      }
      for (const [index, row] of unknown.entries()) {
        const lookup = known[index]
        // In the pool (or the lookup failed): the chain has not decided yet.
        if (lookup === undefined || lookup.isErr() || lookup.value !== null) {
          report.stillPending += 1
          continue
        }
        const chainNonce = row.nonceKey === "0" ? chainNonces.get(row.wallet) : undefined
        if (row.nonceKey === "0" && chainNonce === undefined) {
          report.stillPending += 1
          continue
        }
        // The nonce was used by another transaction: this one can never be mined.
        const replaced = chainNonce !== undefined && chainNonce > row.nonce
        if (replaced) report.replaced += 1
        else report.dropped += 1
        updates.push({
          hash: row.hash,
          status: replaced ? "replaced" : "dropped",
          errorCode: replaced ? "RECOVERY_NONCE_USED" : "RECOVERY_NOT_FOUND",
        })
      }
    }
    if (updates.length > 0) {
      database.recorder.updateTransactions(updates)
      const flushed = await database.recorder.flush()
      if (flushed.isErr()) return flushed
      report.reconciled += updates.length
    }
  }
  if (report.reconciled > 0 || report.stillPending > 0)
    logger.info(
      { ...report },
      `reconciled ${report.reconciled} transaction(s) left pending by earlier runs (${report.included} included, ${report.failed} failed, ${report.replaced} replaced, ${report.dropped} dropped, ${report.stillPending} still pending)`,
    )
  return Ok(report)
}
