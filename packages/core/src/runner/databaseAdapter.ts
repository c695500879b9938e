/**
 * Adapts the database module to the runner: the Recorder (journal, buffered updates and metrics)
 * and the read queries tasks use to find earlier deployments.
 */
import type { DatabaseQueries } from "../database/queries/index.js"
import type { Recorder } from "../database/recorder.js"
import type { TransactionStatus } from "../database/schema.js"
import { Ok } from "../result.js"
import type { StoredRecord, TaskDatabase } from "../tasks/context.js"
import type { CreatedAsset, CreatedContract } from "../tasks/outcome.js"
import type { RunnerRecorder, RunnerTransactionStatus } from "./recorderPort.js"

/** The runner's statuses in the journal's vocabulary. */
const journalStatus: Record<RunnerTransactionStatus, TransactionStatus> = {
  pending: "pending",
  included: "included",
  reverted: "failed",
  rejected: "failed",
  dropped: "dropped",
  replaced: "replaced",
}

/**
 * Wraps a database Recorder for one run.
 *
 * @example
 * const recorder = createRecorderAdapter({ recorder: database.recorder, runId, chainId })
 */
export function createRecorderAdapter(parameters: {
  recorder: Recorder
  runId: string
  chainId: number
}): RunnerRecorder {
  const { recorder, runId, chainId } = parameters
  let pressured = false
  function pressure(accepted: boolean) {
    if (accepted || pressured) return
    pressured = true
    void recorder.waitForCapacity().then(() => {
      pressured = false
    })
  }
  return {
    journal(rows) {
      return recorder.journalTransactions(
        rows.map((row) => ({
          hash: row.hash,
          runId,
          chainId,
          wallet: row.walletAddress,
          nonceKey: row.nonceKey,
          nonce: row.nonce,
          task: row.taskName,
          sentAt: row.sentAt,
          feeToken: row.feeToken,
        })),
      )
    },
    update(updates) {
      pressure(
        recorder.updateTransactions(
          updates.map((update) => ({
            hash: update.hash,
            status: journalStatus[update.status],
            includedBlock: update.includedBlock,
            includedAt: update.includedAt,
            blockTimestamp: update.blockTimestamp,
            gasUsed: update.gasUsed,
            effectiveGasPrice: update.effectiveGasPrice,
            errorCode: update.errorCode ?? (update.status === "reverted" ? "REVERTED" : undefined),
            replacedBy: update.replacedBy,
          })),
        ),
      )
    },
    taskMetric(metric) {
      pressure(recorder.recordTaskMetric({ runId, ...metric }))
    },
    contract(contract) {
      pressure(
        recorder.recordCreatedContract({
          kind: contract.kind,
          address: contract.address,
          chainId,
          wallet: contract.deployer,
          transactionHash: contract.transactionHash,
          runId,
          metadata: contract.metadata,
          createdAt: Date.now(),
        }),
      )
    },
    asset(asset) {
      pressure(
        recorder.recordCreatedAsset({
          kind: asset.kind,
          address: asset.address,
          tokenId: asset.tokenId,
          chainId,
          wallet: asset.creator,
          transactionHash: asset.transactionHash,
          runId,
          metadata: asset.metadata,
          createdAt: Date.now(),
        }),
      )
    },
    async flush() {
      await recorder.flush()
    },
    underPressure: () => pressured,
  }
}

/**
 * The read side tasks see (`context.database`), scoped to one chain id.
 *
 * @example
 * const database = createTaskDatabase({ queries: manager.queries, chainId: 31337 })
 * const counters = await database.contractsByKind({ kind: "counter", limit: 5 })
 */
export function createTaskDatabase(parameters: { queries: DatabaseQueries; chainId: number }): TaskDatabase {
  const { queries, chainId } = parameters
  return {
    async contractsByKind({ kind, limit }) {
      const rows = await queries.contractsByKind({ kind, chainId, ...(limit === undefined ? {} : { limit }) })
      if (rows.isErr()) return rows
      return Ok(
        rows.value.map(
          (row): StoredRecord<CreatedContract> => ({
            kind: row.kind,
            address: row.address,
            ...(row.transactionHash === undefined ? {} : { transactionHash: row.transactionHash }),
            metadata: row.metadata,
            wallet: row.wallet,
            createdAt: row.createdAt,
            runId: row.runId,
          }),
        ),
      )
    },
    async assetsByKind({ kind, limit }) {
      const rows = await queries.createdAssets({ kind, chainId, ...(limit === undefined ? {} : { limit }) })
      if (rows.isErr()) return rows
      return Ok(
        rows.value.map(
          (row): StoredRecord<CreatedAsset> => ({
            kind: row.kind,
            address: row.address,
            ...(row.tokenId === undefined ? {} : { tokenId: row.tokenId }),
            ...(row.transactionHash === undefined ? {} : { transactionHash: row.transactionHash }),
            metadata: row.metadata,
            wallet: row.wallet,
            createdAt: row.createdAt,
            runId: row.runId,
          }),
        ),
      )
    },
  }
}
