/**
 * Task cancellation without a timer per task. `AbortSignal.timeout()` + `AbortSignal.any()` per
 * task cost ~40 µs of CPU and ~4 KB of memory that lives as long as the timeout (180 s by default,
 * far longer than a transfer task); at thousands of tasks per second that was the runner's largest
 * overhead after signing. Here every task gets a plain AbortController, deadlines wait in one FIFO
 * per distinct timeout (tasks of equal timeout expire in start order), and a single timer fires
 * at the earliest deadline.
 */
import type { Clock } from "./scheduling/clock.js"

/**
 * The cancellation handle of one running task.
 *
 * @example
 * const task = deadlines.start(180_000)
 * await definition.run({ ...context, signal: task.signal })
 * task.finish()
 */
export type TaskDeadline = {
  readonly signal: AbortSignal
  /** True once the task's own deadline (not a run-wide abort) aborted it. */
  readonly timedOut: boolean
  /** The task ended: forget it (its deadline will not fire). Idempotent. */
  finish(): void
}

/**
 * Deadlines of all running tasks, and the run-wide abort.
 *
 * @example
 * const deadlines = createTaskDeadlines({ clock })
 * const task = deadlines.start(5_000)
 * deadlines.abortAll(new Error("stopped"))
 */
export type TaskDeadlines = {
  start(timeoutMs: number): TaskDeadline
  /** Aborts every running task's signal (and every task started later) with `reason`. */
  abortAll(reason: unknown): void
  /** Tasks started and not finished. */
  readonly running: number
  /** Deadline entries still queued, finished ones included (bounded: see `compactAt`). */
  readonly queued: number
}

type Entry = {
  /** Cleared when the task finishes: the controller and its signal's listeners are then garbage. */
  controller: AbortController | undefined
  deadline: number
  timeoutMs: number
  finished: boolean
  timedOut: boolean
  /** Still in its timeout's FIFO (an entry leaves it when its deadline fires, finished or not). */
  inQueue: boolean
}

/**
 * Creates the deadline registry of one run.
 *
 * @example
 * const deadlines = createTaskDeadlines({ clock: systemClock })
 * const task = deadlines.start(180_000)
 * task.finish()
 */
export function createTaskDeadlines(parameters: { clock: Clock }): TaskDeadlines {
  const { clock } = parameters
  /** One FIFO per distinct timeout: deadlines within one queue are in increasing order. */
  const queues = new Map<number, Entry[]>()
  const running = new Set<Entry>()
  let timer: NodeJS.Timeout | undefined
  let armedFor = Number.POSITIVE_INFINITY
  let abortedWith: { reason: unknown } | undefined
  let queuedEntries = 0
  let finishedInQueues = 0

  /**
   * Finished entries wait in their FIFO until they reach its head, and the head is only looked at
   * when a deadline fires (180 s by default): at hundreds of tasks per second that held every
   * task's entry for minutes. Dropping them once they are half of what is queued keeps the queues
   * within twice the running tasks, in amortised O(1) per task.
   */
  function compactIfMostlyFinished() {
    if (finishedInQueues < compactAt || finishedInQueues * 2 < queuedEntries) return
    for (const [timeoutMs, queue] of queues) {
      const unfinished = queue.filter((entry) => !entry.finished)
      if (unfinished.length === 0) queues.delete(timeoutMs)
      else queues.set(timeoutMs, unfinished)
    }
    queuedEntries -= finishedInQueues
    finishedInQueues = 0
  }

  function dequeue(queue: Entry[]): Entry {
    const entry = queue.shift() as Entry
    queuedEntries -= 1
    entry.inQueue = false
    if (entry.finished) finishedInQueues -= 1
    return entry
  }

  function earliestDeadline(): number {
    let earliest = Number.POSITIVE_INFINITY
    for (const [timeoutMs, queue] of queues) {
      // Finished entries are dropped lazily, here, instead of searching the queue on finish().
      while (queue.length > 0 && (queue[0] as Entry).finished) dequeue(queue)
      const head = queue[0]
      if (head === undefined) queues.delete(timeoutMs)
      else earliest = Math.min(earliest, head.deadline)
    }
    return earliest
  }

  function arm() {
    const earliest = earliestDeadline()
    if (earliest === armedFor) return
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    armedFor = earliest
    if (earliest === Number.POSITIVE_INFINITY) return
    timer = setTimeout(expire, Math.max(0, earliest - clock.now()))
    // The run's own work keeps the process alive; a pending deadline must not.
    timer.unref()
  }

  function expire() {
    timer = undefined
    armedFor = Number.POSITIVE_INFINITY
    const now = clock.now()
    for (const queue of queues.values()) {
      while (queue.length > 0 && (queue[0] as Entry).deadline <= now) {
        const entry = dequeue(queue)
        if (entry.finished) continue
        entry.timedOut = true
        entry.controller?.abort(timeoutReason(entry.timeoutMs))
      }
    }
    arm()
  }

  return {
    start(timeoutMs) {
      const controller = new AbortController()
      const entry: Entry = {
        controller,
        deadline: clock.now() + timeoutMs,
        timeoutMs,
        finished: false,
        timedOut: false,
        inQueue: false,
      }
      if (abortedWith !== undefined) controller.abort(abortedWith.reason)
      else {
        running.add(entry)
        let queue = queues.get(timeoutMs)
        if (queue === undefined) {
          queue = []
          queues.set(timeoutMs, queue)
        }
        queue.push(entry)
        entry.inQueue = true
        queuedEntries += 1
        if (entry.deadline < armedFor) arm()
      }
      return {
        signal: controller.signal,
        get timedOut() {
          return entry.timedOut
        },
        finish() {
          if (entry.finished) return
          entry.finished = true
          entry.controller = undefined
          running.delete(entry)
          if (entry.inQueue) {
            finishedInQueues += 1
            compactIfMostlyFinished()
          }
        },
      }
    },
    abortAll(reason) {
      if (abortedWith !== undefined) return
      abortedWith = { reason }
      for (const entry of running) entry.controller?.abort(reason)
      running.clear()
      queues.clear()
      queuedEntries = 0
      finishedInQueues = 0
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
      armedFor = Number.POSITIVE_INFINITY
    },
    get running() {
      return running.size
    },
    get queued() {
      return queuedEntries
    },
  }
}

/** Finished entries below this count are left for the head of their queue to drop. */
const compactAt = 256

/** The same reason `AbortSignal.timeout()` gives, so code testing for it keeps working. */
function timeoutReason(timeoutMs: number): DOMException {
  return new DOMException(`The task did not finish within ${timeoutMs} ms`, "TimeoutError")
}
