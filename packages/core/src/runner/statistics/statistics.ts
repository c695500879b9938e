/**
 * Live counters of a run, read by the CLI's progress display (`snapshot()`) and turned into the
 * end-of-run summary (`summary()`). Pure data out; O(1) work per event.
 */
import type { FeeInUnits } from "../../tasks/feeCurrency.js"
import { type Clock, systemClock } from "../scheduling/clock.js"
import { createLatencyHistogram, type LatencyHistogram } from "./latencyHistogram.js"

/**
 * Median and 95th percentile in milliseconds (undefined before the first sample).
 *
 * @example
 * const { p50, p95 } = snapshot.inclusionLatencyMs
 */
export type Percentiles = { p50: number | undefined; p95: number | undefined }

/**
 * Point-in-time view of a run for the progress display.
 *
 * @example
 * const line = `${snapshot.sent} sent, ${snapshot.included} included, ${snapshot.currentTps.toFixed(1)}/${snapshot.targetTps} tps`
 */
export type RunSnapshot = {
  elapsedMs: number
  /** Scheduling has stopped; the run waits for tasks in flight and pending transactions. */
  draining: boolean
  tasksStarted: number
  tasksInFlight: number
  tasksSucceeded: number
  tasksFailed: number
  skippedStarts: number
  sent: number
  included: number
  reverted: number
  rejected: number
  dropped: number
  pendingTransactions: number
  /** Achieved transactions sent per second over the last few seconds. */
  currentTps: number
  /** Achieved task starts per second over the last few seconds (what `--tps` targets). */
  currentTaskStartsPerSecond: number
  /** The target: task starts per second (`--tps`), not transactions. */
  targetTps: number
  inclusionLatencyMs: Percentiles
  /** Task failure codes, plus reverts and drops seen by the receipt tracker. */
  topErrors: { code: string; count: number }[]
}

/**
 * Per-task totals in the summary.
 *
 * @example
 * summary.tasks.transfer?.failures // { RPC_NONCE_TOO_LOW: 2 }
 */
export type RunTaskSummary = {
  count: number
  success: number
  failures: Record<string, number>
  durationMs: Percentiles
  inclusionLatencyMs: Percentiles
  transactions: { sent: number; included: number; reverted: number; rejected: number; dropped: number }
}

/**
 * End-of-run summary.
 *
 * @example
 * console.log(`${summary.transactions.included}/${summary.transactions.sent} included in ${summary.durationMs} ms`)
 */
export type RunSummary = {
  /** The sending window: from the first scheduled start to the end of scheduling (setup and drain excluded). */
  durationMs: number
  /** Funding and other setup before the sending window. */
  setupMs: number
  /** Waiting for in-flight tasks and pending transactions after the sending window. */
  drainMs: number
  /** The sending window in wall-clock Unix ms (stored in `runs`, used by the report and `db stats`). */
  sendingWindow: { startedAt: number; endedAt: number }
  stopReason: string
  tasksStarted: number
  skippedStarts: number
  transactions: {
    sent: number
    included: number
    reverted: number
    rejected: number
    dropped: number
    pending: number
  }
  /** Transactions sent per second over the sending window (same as `transactionsPerSecond`). */
  averageTps: number
  /** Achieved: transactions sent per second over the sending window. */
  transactionsPerSecond: number
  /** Achieved: task starts per second over the sending window. */
  taskStartsPerSecond: number
  /** Target: task starts per second (`--tps`). */
  targetTaskStartsPerSecond: number
  inclusionLatencyMs: Percentiles
  /** Fees paid per token, in base units and in units (from the journal; absent in live statistics). */
  fees?: FeeInUnits[]
  tasks: Record<string, RunTaskSummary>
  topErrors: { code: string; count: number }[]
}

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
  // Sends per 250 ms slot over the window, for the current rate.
  const slotMs = 250
  const slots = new Array<number>(Math.ceil(windowMs / slotMs)).fill(0)
  // Task starts per slot, same ring geometry.
  const startSlots = new Array<number>(slots.length).fill(0)
  let currentSlot = 0

  function rotate(now: number) {
    const slot = Math.floor((now - startedAt) / slotMs)
    if (slot - currentSlot >= slots.length) {
      slots.fill(0)
      startSlots.fill(0)
    } else
      for (let index = currentSlot + 1; index <= slot; index += 1) {
        slots[index % slots.length] = 0
        startSlots[index % slots.length] = 0
      }
    if (slot > currentSlot) currentSlot = slot
  }
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
      currentSlot = 0
      slots.fill(0)
      startSlots.fill(0)
    },
    /** Marks the end of the sending window (scheduling stopped; the drain follows). */
    sendingEnded() {
      sendingEndedAt ??= clock.now()
      sendingEndedAtUnix ??= Date.now()
    },
    taskStarted() {
      rotate(clock.now())
      startSlots[currentSlot % startSlots.length] = (startSlots[currentSlot % startSlots.length] ?? 0) + 1
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
      const now = clock.now()
      rotate(now)
      slots[currentSlot % slots.length] = (slots[currentSlot % slots.length] ?? 0) + 1
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
      const now = clock.now()
      rotate(now)
      const windowSends = slots.reduce((sum, value) => sum + value, 0)
      const windowStarts = startSlots.reduce((sum, value) => sum + value, 0)
      // The ring holds the current (partial) slot plus the previous full ones.
      const intoCurrentSlot = now - startedAt - currentSlot * slotMs
      const windowSpanMs = Math.max(
        slotMs,
        Math.min((slots.length - 1) * slotMs, now - startedAt) + intoCurrentSlot,
      )
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
        currentTps: (windowSends * 1000) / windowSpanMs,
        currentTaskStartsPerSecond: (windowStarts * 1000) / windowSpanMs,
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
