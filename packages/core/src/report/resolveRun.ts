import type { RunRecord } from "../database/queries/records.js"
import type { DatabaseErrorType } from "../errors/database.js"
import {
  ReportNoRunsError,
  type ReportNoRunsErrorType,
  ReportRunNotFoundError,
  type ReportRunNotFoundErrorType,
} from "../errors/report.js"
import { Err, Ok, type Result } from "../result.js"
import type { ReportDatabase } from "./loadRunRows.js"

/**
 * Which run a report is about: an id, or the newest run (optionally of one chain).
 *
 * @example
 * const byId: RunSelector = { runId: "0b6f…" }
 * const newest: RunSelector = { last: true, chain: "tempo" }
 */
export type RunSelector = { runId: string } | { last: true; chain?: string }

/**
 * Finds the selected run, by its id or a unique prefix of it. An unknown (or ambiguous) id is a
 * {@link ReportRunNotFoundError} listing the five newest runs; `last` on an empty database is a {@link ReportNoRunsError}.
 *
 * @example
 * const run = await resolveRun(database, { last: true })
 * if (run.isOk()) console.log(run.value.id)
 */
export async function resolveRun(
  database: ReportDatabase,
  selector: RunSelector,
): Promise<Result<RunRecord, ReportRunNotFoundErrorType | ReportNoRunsErrorType | DatabaseErrorType>> {
  if ("last" in selector) {
    const latest = await database.queries.latestRun(
      selector.chain === undefined ? {} : { chain: selector.chain },
    )
    if (latest.isErr()) return latest
    if (latest.value === undefined)
      return Err(
        new ReportNoRunsError({
          ...(selector.chain === undefined ? {} : { chain: selector.chain }),
          database: database.target,
        }) as ReportNoRunsErrorType,
      )
    return Ok(latest.value)
  }
  const found = await database.queries.getRun({ runId: selector.runId })
  if (found.isErr()) return found
  if (found.value !== undefined) return Ok(found.value)
  // A unique prefix names the run too (`report --run cdacbee3`), as git does with hashes.
  const matches = await runsWithPrefix(database, selector.runId)
  if (matches.length === 1 && matches[0] !== undefined) {
    const run = await database.queries.getRun({ runId: matches[0] })
    if (run.isErr()) return run
    if (run.value !== undefined) return Ok(run.value)
  }
  let latestRuns: { id: string; chain: string; startedAt: number; status: string }[] = []
  try {
    latestRuns = (
      await database.db
        .selectFrom("runs")
        .select(["id", "chain", "started_at", "status"])
        .orderBy("started_at", "desc")
        .orderBy("id", "desc")
        .limit(5)
        .execute()
    ).map((row) => ({ id: row.id, chain: row.chain, startedAt: Number(row.started_at), status: row.status }))
  } catch {
    // The list is a hint; the error stands without it.
  }
  return Err(new ReportRunNotFoundError({ runId: selector.runId, latestRuns }) as ReportRunNotFoundErrorType)
}

/** Ids starting with `prefix` (at most two: enough to tell unique from ambiguous). */
async function runsWithPrefix(database: ReportDatabase, prefix: string): Promise<string[]> {
  // Run ids are UUIDs: a prefix of anything else (or with LIKE wildcards) matches nothing.
  if (!/^[0-9a-zA-Z-]{4,}$/.test(prefix)) return []
  try {
    const rows = await database.db
      .selectFrom("runs")
      .select("id")
      .where("id", "like", `${prefix.toLowerCase()}%`)
      .limit(2)
      .execute()
    return rows.map((row) => row.id)
  } catch {
    return []
  }
}
