/**
 * The assertions shared by the SIGINT tests: the run stopped on the signal, drained (nothing
 * pending, journal matches the summary and the chain), exited 0, and its anvil is gone.
 */
import { expect } from "vitest"
import { openDatabase } from "../../database/openDatabase.js"
import { fundingTaskName } from "../../funding/fundWallets.js"
import type { SigintRun } from "./sigintRun.js"

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * Checks a finished {@link SigintRun} against its database.
 *
 * @example
 * await expectDrained(await runSigintChild({ databasePath, tag: "pid", group: false }), databasePath)
 */
export async function expectDrained(run: SigintRun, databasePath: string): Promise<void> {
  expect(run.stderr).toBe("")
  expect(run.code).toBe(0)
  expect(run.signalled).toBe(true)
  expect(run.devnetPids.length).toBe(1)
  for (const pid of run.devnetPids) expect(isAlive(pid)).toBe(false)
  const report = run.report
  expect(report).toBeDefined()
  if (report === undefined) return
  expect(report.summary.stopReason).toBe("SIGINT")
  expect(report.summary.transactions.pending).toBe(0)
  expect(report.mismatches).toBe(0)

  const opened = await openDatabase({ url: databasePath })
  if (opened.isErr()) throw opened.error
  const database = opened.value
  try {
    const rows = await database.db
      .selectFrom("transactions")
      .select(["status", "task"])
      .where("run_id", "=", report.runId)
      .where("task", "!=", fundingTaskName)
      .execute()
    expect(rows.length).toBe(report.summary.transactions.sent + report.summary.transactions.rejected)
    expect(rows.filter((row) => row.status === "pending")).toEqual([])
    expect(rows.filter((row) => row.status === "included").length).toBe(report.summary.transactions.included)
    const status = await database.db
      .selectFrom("runs")
      .select("status")
      .where("id", "=", report.runId)
      .executeTakeFirst()
    expect(status?.status).toBe("interrupted")
  } finally {
    await database.close()
  }
}
