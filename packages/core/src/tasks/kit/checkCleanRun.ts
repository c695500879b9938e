import type { TaskRun } from "../../testing/tasks/taskRunner.js"

/**
 * What is wrong with a one-task run, as readable lines (empty when clean): `task` must have run
 * once and succeeded (an expected failure counts as success), nothing may be left pending, and
 * the journal must agree with the chain (on-chain nonce = highest mined nonce + 1 per wallet).
 *
 * @example
 * expect(checkCleanRun(await runner.run(selfTransfer), "self_transfer")).toEqual([])
 */
export function checkCleanRun({ report }: TaskRun, task: string): string[] {
  const problems: string[] = []
  const statistics = report.summary.tasks[task]
  if (statistics === undefined) problems.push(`${task} did not run`)
  else if (statistics.count !== 1 || statistics.success !== 1)
    problems.push(`${task} ran ${statistics.count} times with ${statistics.success} successes`)
  const { pending } = report.summary.transactions
  if (pending !== 0) problems.push(`${pending} transactions left pending`)
  if (report.reconciliation === undefined) problems.push("the journal was not reconciled with the chain")
  else
    for (const mismatch of report.reconciliation.mismatches)
      problems.push(
        `journal and chain disagree: ${JSON.stringify(mismatch, (_key, value) => (typeof value === "bigint" ? `${value}` : value))}`,
      )
  return problems
}
