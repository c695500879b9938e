import type { DatabaseManager } from "../../database/openDatabase.js"
import { isInternalTask } from "../../database/queries/inclusionLatency.js"
import type { RunSummaryRecord } from "../../database/queries/runSummary.js"
import {
  type ChainFeeCurrency,
  describeFee,
  type FeeInUnits,
  feeBaseUnits,
  feeTokenOf,
} from "../../tasks/feeCurrency.js"
import type { RunSummary } from "./statistics.js"

/**
 * The run summary with its inclusion latencies taken from the journal — the same rows and the
 * same definition (database/queries/inclusionLatency.ts) as `db stats` and the HTML report — so
 * the three never disagree. The live statistics' histogram (2 % buckets, tracker send time) only
 * feeds the progress line. With the chain's fee currency, the fees paid per token are added, in
 * units. When the journal cannot be read, the live numbers stay.
 *
 * @example
 * const summary = await summaryWithJournalLatency(result.value, database, runId, chain.feeCurrency)
 */
export async function summaryWithJournalLatency(
  summary: RunSummary,
  database: Pick<DatabaseManager, "queries" | "db">,
  runId: string,
  feeCurrency?: ChainFeeCurrency,
): Promise<RunSummary> {
  const record = await database.queries.runSummary({ runId })
  if (record.isErr()) return summary
  const withLatency = applyJournalLatency(summary, record.value)
  if (feeCurrency === undefined) return withLatency
  try {
    const rows = await database.db
      .selectFrom("transactions")
      .select(["task", "gas_used", "effective_gas_price", "fee_token"])
      .where("run_id", "=", runId)
      .execute()
    return { ...withLatency, fees: journalFees(rows, feeCurrency) }
  } catch {
    return withLatency
  }
}

/**
 * Fees paid per token by a run's work transactions (funding left out), in units.
 *
 * @example
 * journalFees([{ task: "transfer", gas_used: "21000", effective_gas_price: "1000000000", fee_token: null }], eth)
 * // [{ token: "native", symbol: "ETH", decimals: 18, amount: "21000000000000", units: "0.000021" }]
 */
export function journalFees(
  rows: readonly {
    task: string
    gas_used: string | null
    effective_gas_price: string | null
    fee_token: string | null
  }[],
  currency: ChainFeeCurrency,
): FeeInUnits[] {
  const totals = new Map<string, bigint>()
  for (const row of rows) {
    if (isInternalTask(row.task) || row.gas_used === null || row.effective_gas_price === null) continue
    const token = feeTokenOf(row.fee_token, currency)
    const amount = feeBaseUnits(BigInt(row.gas_used), BigInt(row.effective_gas_price), currency)
    totals.set(token, (totals.get(token) ?? 0n) + amount)
  }
  return [...totals.entries()]
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([token, amount]) => describeFee(token, amount, currency))
}

/**
 * Replaces a summary's inclusion latencies (total and per task) by the journal's.
 *
 * @example
 * const summary = applyJournalLatency(live, (await queries.runSummary({ runId })).unwrap())
 */
export function applyJournalLatency(summary: RunSummary, record: RunSummaryRecord): RunSummary {
  const tasks: RunSummary["tasks"] = {}
  for (const [name, task] of Object.entries(summary.tasks)) {
    const journalled = record.tasks.find((candidate) => candidate.taskName === name)
    tasks[name] =
      journalled === undefined
        ? task
        : {
            ...task,
            inclusionLatencyMs: { p50: journalled.p50InclusionMs, p95: journalled.p95InclusionMs },
          }
  }
  return {
    ...summary,
    inclusionLatencyMs: { p50: record.totals.p50InclusionMs, p95: record.totals.p95InclusionMs },
    tasks,
  }
}
