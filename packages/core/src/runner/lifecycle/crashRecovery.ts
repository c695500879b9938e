/**
 * Crash recovery at start: a killed process leaves its run `running` and rows `pending` although
 * the chain has long decided about them. The runs are closed as `crashed`; each pending row gets
 * the chain's answer (receipt → included/failed; unknown to the node with the sender's nonce past
 * it → replaced; unknown with the nonce not reached → dropped; still in the pool → left pending).
 */
import type { PendingRow } from "../../database/crashedRuns.js"
import type { DatabaseManager } from "../../database/openDatabase.js"
import type { TransactionUpdate } from "../../database/rows.js"
import type { BaseError } from "../../errors/base.js"
import { Ok, type Result } from "../../result.js"
import type { RunnerLogger, RunnerRpc } from "../ports.js"
import { silentLogger } from "../ports.js"

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
  /** How long rows still in the node's pool are waited for before they are left pending (default 60 000). */
  waitForPoolMs?: number
  /** Re-check period while waiting (default 1 000). */
  pollMs?: number
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
  const waitForPoolMs = parameters.waitForPoolMs ?? 60_000
  const pollMs = parameters.pollMs ?? 1_000
  const started = Date.now()
  let lastLogAt = started
  let rows: PendingRow[] = pending.value
  // Rows a killed process sent a moment ago are often still in the pool: wait for the chain's
  // answer (bounded) rather than leave them pending until some later start.
  while (rows.length > 0) {
    const round = await settleRows({ rows, request, database, report, logger })
    if (round.isErr()) return round
    rows = round.value
    if (rows.length === 0 || Date.now() - started >= waitForPoolMs || signal?.aborted) break
    if (Date.now() - lastLogAt >= 5_000) {
      lastLogAt = Date.now()
      logger.info(
        { waitingMs: Date.now() - started, transactions: rows.length },
        `waiting for ${rows.length} transaction(s) of crashed runs still in the pool: ${Math.round((Date.now() - started) / 1000)} s`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs))
  }
  report.stillPending = rows.length
  if (report.reconciled > 0 || report.stillPending > 0)
    logger.info(
      { ...report },
      `reconciled ${report.reconciled} transaction(s) left pending by earlier runs (${report.included} included, ${report.failed} failed, ${report.replaced} replaced, ${report.dropped} dropped, ${report.stillPending} still pending)`,
    )
  return Ok(report)
}

type Request = <T>(method: string, params: readonly unknown[]) => Promise<Result<T, BaseError>>

/** One pass over the rows: settles what the chain has decided, returns the rows it has not. */
async function settleRows(parameters: {
  rows: readonly PendingRow[]
  request: Request
  database: Pick<DatabaseManager, "recorder">
  report: CrashRecoveryReport
  logger: RunnerLogger
}): Promise<Result<PendingRow[], BaseError>> {
  const { request, database, report, logger } = parameters
  const all = parameters.rows
  const undecided: PendingRow[] = []
  for (let start = 0; start < all.length; start += chunkSize) {
    const rows = all.slice(start, start + chunkSize)
    // Issued in one tick: the RPC client sends them as JSON-RPC batches.
    const receipts = await Promise.all(
      rows.map((row) => request<Receipt | null>("eth_getTransactionReceipt", [row.hash])),
    )
    const updates: TransactionUpdate[] = []
    const unknown: typeof rows = []
    const mined: { row: (typeof rows)[number]; receipt: Receipt }[] = []
    for (const [index, row] of rows.entries()) {
      const receipt = receipts[index]
      if (receipt === undefined || receipt.isErr()) {
        undecided.push(row)
        logger.warn(
          { hash: row.hash, code: receipt?.isErr() ? receipt.error.code : "NO_ANSWER" },
          "crash recovery could not read a receipt",
        )
      } else if (receipt.value === null) unknown.push(row)
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
          undecided.push(row)
          continue
        }
        const chainNonce = row.nonceKey === "0" ? chainNonces.get(row.wallet) : undefined
        if (row.nonceKey === "0" && chainNonce === undefined) {
          undecided.push(row)
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
  return Ok(undecided)
}
