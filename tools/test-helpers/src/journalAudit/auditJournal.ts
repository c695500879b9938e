import { checkJournalRows } from "./checkJournalRows.js"
import { checkWalletPools } from "./checkWalletPools.js"
import { findFirstBlockAtOrAfter, findUnjournaledTransactions } from "./findUnjournaledTransactions.js"
import type { JournalProblem } from "./journalProblem.js"
import { createJsonRpcCaller } from "./jsonRpcCaller.js"
import { type Journal, readJournal } from "./readJournal.js"

/**
 * Options of {@link auditJournal}.
 *
 * @example
 * const options: JournalAuditOptions = { databasePath: "/tmp/run.db", wallets, rpcUrl: anvilUrl }
 */
export type JournalAuditOptions = {
  /** The SQLite run database (or give `journal`, read from elsewhere, e.g. PostgreSQL). */
  databasePath?: string
  /** The runs and journal rows, already read (instead of `databasePath`). */
  journal?: Journal
  /** Audit this run only (default: every run in the database). */
  runId?: string
  /** The run's worker wallets: their on-chain transactions must all be journaled. */
  wallets: readonly string[]
  /** The node itself, never through a faulty proxy. */
  rpcUrl: string
  /** How long to let the wallets' pool entries settle before judging (default 15 s). */
  settleTimeoutMs?: number
}

const sleep = (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds))

/**
 * Checks a run's journal against the chain, directly on the node: every row's status and block
 * agree with the node's receipts (no row left `pending`), every transaction the wallets sent in
 * the run's blocks is journaled, no wallet has a nonce gap or a stuck pool entry, and the run is
 * no longer `running`. Returns the problems found; an empty list means journal and chain agree.
 *
 * @example
 * const problems = await auditJournal({ databasePath: "/tmp/run.db", runId, wallets, rpcUrl: anvilUrl })
 * expect(problems.map((problem) => problem.message)).toEqual([])
 */
export async function auditJournal(options: JournalAuditOptions): Promise<JournalProblem[]> {
  const node = createJsonRpcCaller(options.rpcUrl)
  // Transactions sent just before the run ended may still be on their way into a block.
  const settleDeadline = Date.now() + (options.settleTimeoutMs ?? 15_000)
  while ((await checkWalletPools(node, options.wallets)).length > 0 && Date.now() < settleDeadline)
    await sleep(500)

  const journal = options.journal ?? readJournal(options.databasePath ?? "")
  const problems: JournalProblem[] = []
  const runs =
    options.runId === undefined ? journal.runs : journal.runs.filter((run) => run.id === options.runId)
  if (options.runId !== undefined && runs.length === 0)
    return [
      {
        kind: "run-missing",
        runId: options.runId,
        message: `run ${options.runId} is not in ${options.databasePath ?? "the journal"}`,
      },
    ]
  for (const run of runs)
    if (run.status === "running")
      problems.push({
        kind: "run-still-running",
        runId: run.id,
        message: `run ${run.id} is still marked running`,
      })

  const runIds = new Set(runs.map((run) => run.id))
  const rows = journal.transactions.filter((row) => runIds.has(row.run_id))
  problems.push(...(await checkJournalRows(node, rows)))

  const latest = Number(BigInt(await node.call<string>("eth_blockNumber", [])))
  const startedAt = Math.min(...runs.map((run) => run.started_at))
  if (Number.isFinite(startedAt)) {
    // One block of margin: a block's timestamp is whole seconds, the run's start is not.
    const first = Math.max(0, (await findFirstBlockAtOrAfter(node, Math.floor(startedAt / 1000), latest)) - 1)
    // Rows of any run count: a wallet reused by a later run is journaled under that run.
    const journaledHashes = new Set(journal.transactions.map((row) => row.hash.toLowerCase()))
    problems.push(
      ...(await findUnjournaledTransactions(node, {
        fromBlock: first,
        toBlock: latest,
        wallets: options.wallets,
        journaledHashes,
      })),
    )
  }
  problems.push(...(await checkWalletPools(node, options.wallets)))
  return problems
}
