/**
 * Live counters of a run, read by the CLI's progress display (`snapshot()`) and turned into the
 * end-of-run summary (`summary()`). Pure data out; O(1) work per event.
 */
import { type Clock, systemClock } from "../scheduling/clock.js"
import { createLatencyHistogram, type LatencyHistogram } from "./latencyHistogram.js"
import { createRateWindow } from "./rateWindow.js"
import type { Percentiles, RunSnapshot, RunSummary, RunTaskSummary } from "./runSummary.js"

export type { Percentiles, RunSnapshot, RunSummary, RunTaskSummary } from "./runSummary.js"

type TaskCounters = {
  count: number
  success: number
  failures: Map<string, number>
  durations: LatencyHistogram
  latencies: LatencyHistogram
  transactions: { sent: number; included: number; reverted: number; rejected: number; dropped: number }
}

/**
 * The statistics object the runner feeds.
 *
 * @example
 * statistics.transactionSent("transfer")
 */
export type RunStatistics = ReturnType<typeof createRunStatistics>

/**
 * Creates run statistics.
 *
 * @example
 * const statistics = createRunStatistics({ targetTps: 50 })
 * statistics.transactionSent("transfer")
 * statistics.snapshot().sent // 1
 */
export function createRunStatistics(parameters: {
  targetTps: number
  clock?: Clock
  windowMs?: number
  /** Tasks whose reverts are the point (e.g. `reverting_call`): their reverts are not errors. */
  expectedFailureTasks?: ReadonlySet<string>
}) {
  const clock = parameters.clock ?? systemClock
  const windowMs = parameters.windowMs ?? 5_000
  const createdAt = clock.now()
  let startedAt = createdAt
  let sendingEndedAt: number | undefined
  let endedAt: number | undefined
  // Wall-clock bounds of the sending window, for the database (the clock above is monotonic).
  let sendingStartedAtUnix = Date.now()
  let sendingEndedAtUnix: number | undefined
  const totals = {
    sent: 0,
    included: 0,
    reverted: 0,
    rejected: 0,
    dropped: 0,
    tasksStarted: 0,
    succeeded: 0,
    failed: 0,
  }
  let tasksInFlight = 0
  let skippedStarts = 0
  const latencies = createLatencyHistogram()
  const errors = new Map<string, number>()
  const tasks = new Map<string, TaskCounters>()
  // Sends and task starts over the last `windowMs`, for the current rates.
  const rates = createRateWindow({ windowMs, origin: startedAt })

  function forTask(name: string): TaskCounters {
    let counters = tasks.get(name)
    if (counters === undefined) {
      counters = {
        count: 0,
        success: 0,
        failures: new Map(),
        durations: createLatencyHistogram(),
        latencies: createLatencyHistogram(),
        transactions: { sent: 0, included: 0, reverted: 0, rejected: 0, dropped: 0 },
      }
      tasks.set(name, counters)
    }
    return counters
  }
  function countError(code: string) {
    errors.set(code, (errors.get(code) ?? 0) + 1)
  }
  function topErrors() {
    return [...errors.entries()]
      .sort((left, right) => right[1] - left[1])
      .slice(0, 5)
      .map(([code, count]) => ({ code, count }))
  }
  function percentiles(histogram: LatencyHistogram): Percentiles {
    return { p50: histogram.percentile(0.5), p95: histogram.percentile(0.95) }
  }
  function elapsed() {
    return (endedAt ?? clock.now()) - startedAt
  }

  return {
    /** Restarts the elapsed clock (the run proper begins after funding). */
    begin() {
      startedAt = clock.now()
      sendingStartedAtUnix = Date.now()
      rates.restart(startedAt)
    },
    /** Marks the end of the sending window (scheduling stopped; the drain follows). */
    sendingEnded() {
      sendingEndedAt ??= clock.now()
      sendingEndedAtUnix ??= Date.now()
    },
    taskStarted() {
      rates.countStart(clock.now())
      totals.tasksStarted += 1
      tasksInFlight += 1
    },
    taskFinished(name: string, outcome: { ok: true } | { ok: false; code: string }, durationMs: number) {
      tasksInFlight -= 1
      const counters = forTask(name)
      counters.count += 1
      counters.durations.add(durationMs)
      if (outcome.ok) {
        counters.success += 1
        totals.succeeded += 1
      } else {
        totals.failed += 1
        counters.failures.set(outcome.code, (counters.failures.get(outcome.code) ?? 0) + 1)
        countError(outcome.code)
      }
    },
    startSkipped() {
      skippedStarts += 1
    },
    transactionSent(task: string) {
      rates.countSend(clock.now())
      totals.sent += 1
      forTask(task).transactions.sent += 1
    },
    transactionRejected(task: string, code: string) {
      totals.rejected += 1
      forTask(task).transactions.rejected += 1
      // Not in topErrors: the task that sent it fails with this code and is counted there.
      void code
    },
    transactionIncluded(task: string, reverted: boolean, latencyMs: number) {
      const counters = forTask(task)
      if (reverted) {
        totals.reverted += 1
        counters.transactions.reverted += 1
        if (!parameters.expectedFailureTasks?.has(task)) countError("TRANSACTION_REVERTED")
      } else {
        totals.included += 1
        counters.transactions.included += 1
      }
      latencies.add(latencyMs)
      counters.latencies.add(latencyMs)
    },
    transactionDropped(task: string) {
      totals.dropped += 1
      forTask(task).transactions.dropped += 1
      countError("RUNNER_RECEIPT_DEADLINE")
    },
    /** Freezes the elapsed time (end of run). */
    end() {
      endedAt ??= clock.now()
    },
    snapshot(): RunSnapshot {
      const current = rates.perSecond(clock.now())
      return {
        elapsedMs: Math.round(elapsed()),
        draining: sendingEndedAt !== undefined && endedAt === undefined,
        tasksStarted: totals.tasksStarted,
        tasksInFlight,
        tasksSucceeded: totals.succeeded,
        tasksFailed: totals.failed,
        skippedStarts,
        sent: totals.sent,
        included: totals.included,
        reverted: totals.reverted,
        rejected: totals.rejected,
        dropped: totals.dropped,
        pendingTransactions: totals.sent - totals.included - totals.reverted - totals.dropped,
        currentTps: current.sends,
        currentTaskStartsPerSecond: current.starts,
        targetTps: parameters.targetTps,
        inclusionLatencyMs: percentiles(latencies),
        topErrors: topErrors(),
      }
    },
    summary(stopReason: string): RunSummary {
      const finishedAt = endedAt ?? clock.now()
      const windowEnd = Math.min(sendingEndedAt ?? finishedAt, finishedAt)
      const durationMs = Math.round(windowEnd - startedAt)
      const perSecond = (count: number) => (durationMs > 0 ? (count * 1000) / durationMs : 0)
      const perTask: Record<string, RunTaskSummary> = {}
      for (const [name, counters] of tasks) {
        perTask[name] = {
          count: counters.count,
          success: counters.success,
          failures: Object.fromEntries(counters.failures),
          durationMs: percentiles(counters.durations),
          inclusionLatencyMs: percentiles(counters.latencies),
          transactions: { ...counters.transactions },
        }
      }
      return {
        durationMs,
        setupMs: Math.round(startedAt - createdAt),
        drainMs: Math.round(finishedAt - windowEnd),
        sendingWindow: {
          startedAt: sendingStartedAtUnix,
          endedAt: sendingEndedAtUnix ?? sendingStartedAtUnix + durationMs,
        },
        stopReason,
        tasksStarted: totals.tasksStarted,
        skippedStarts,
        transactions: {
          sent: totals.sent,
          included: totals.included,
          reverted: totals.reverted,
          rejected: totals.rejected,
          dropped: totals.dropped,
          pending: totals.sent - totals.included - totals.reverted - totals.dropped,
        },
        averageTps: perSecond(totals.sent),
        transactionsPerSecond: perSecond(totals.sent),
        taskStartsPerSecond: perSecond(totals.tasksStarted),
        targetTaskStartsPerSecond: parameters.targetTps,
        inclusionLatencyMs: percentiles(latencies),
        tasks: perTask,
        topErrors: topErrors(),
      }
    },
  }
}
