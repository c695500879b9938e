/**
 * Decides WHEN a task starts. Open loop: starts are due on a fixed-rate clock measured from the run
 * start, so the rate does not sag when tasks get slow; when `maxInFlight` is reached the start is
 * counted as skipped instead of queued. Closed loop: `concurrency` workers each run one task after
 * the other with a random delay in between.
 */
import { type Clock, systemClock } from "./clock.js"

/**
 * How many tasks to start and at which pace.
 *
 * @example
 * const plan: SchedulerPlan = { mode: "open", targetTps: 50, concurrency: 20, durationMs: 10_000 }
 */
export type SchedulerPlan = {
  mode: "open" | "closed"
  /** Open loop: task starts per second. */
  targetTps?: number
  /** Open loop: max tasks in flight. Closed loop: number of workers. */
  concurrency: number
  /** Open loop: the rate grows linearly from 0 to targetTps over this time. */
  rampUpMs?: number
  /** Stop scheduling this long after the start. */
  durationMs?: number
  /** Stop after this many task starts. */
  count?: number
  /** Closed loop: random pause between one worker's tasks. */
  minDelayMs?: number
  maxDelayMs?: number
}

/**
 * One task start handed to the launcher.
 *
 * @example
 * const slot: StartSlot = { index: 0, workerId: 3, scheduledAt: 0 }
 */
export type StartSlot = { index: number; workerId: number; scheduledAt: number }

/**
 * Starts a task. Returns its completion promise, or `undefined` when it could not start (no free
 * wallet) — the scheduler then counts a skipped start (open loop) or retries shortly (closed loop).
 *
 * @example
 * const launch: Launcher = (slot) => { const lease = pool.lease(); return lease ? runTask(slot, lease) : undefined }
 */
export type Launcher = (slot: StartSlot) => Promise<unknown> | undefined

/**
 * Counters of a scheduler.
 *
 * @example
 * const { started, skippedInFlight } = scheduler.stats()
 */
export type SchedulerStats = {
  started: number
  inFlight: number
  skippedInFlight: number
  skippedNoWallet: number
  finished: boolean
}

/**
 * A running scheduler.
 *
 * @example
 * const scheduler = createScheduler({ plan, launch })
 * await scheduler.run()     // resolves when scheduling ends (plan done or stop())
 * await scheduler.drain(5_000) // waits for in-flight tasks
 */
export type Scheduler = {
  run(): Promise<SchedulerStats>
  stop(): void
  drain(timeoutMs: number): Promise<boolean>
  stats(): SchedulerStats
}

/**
 * Milliseconds from the run start at which start number `index` is due, with a linear ramp-up.
 *
 * @example
 * startOffsetMs(10, 10, 0) // 1000
 */
export function startOffsetMs(index: number, targetTps: number, rampUpMs: number): number {
  const ratePerMs = targetTps / 1000
  if (rampUpMs <= 0) return index / ratePerMs
  // During the ramp the cumulative count is N(t) = r t² / (2T); invert it.
  const startsDuringRamp = (ratePerMs * rampUpMs) / 2
  if (index < startsDuringRamp) return Math.sqrt((2 * rampUpMs * index) / ratePerMs)
  return rampUpMs + (index - startsDuringRamp) / ratePerMs
}

/**
 * Creates a scheduler for `plan` that calls `launch` for each task start.
 *
 * @example
 * const scheduler = createScheduler({ plan: { mode: "open", targetTps: 100, concurrency: 50, count: 1000 }, launch })
 * const stats = await scheduler.run()
 */
export function createScheduler(parameters: {
  plan: SchedulerPlan
  launch: Launcher
  clock?: Clock
  /** Uniform [0, 1) for the closed-loop delays; seeded by the runner. */
  random?: () => number
}): Scheduler {
  const { plan, launch } = parameters
  const clock = parameters.clock ?? systemClock
  const random = parameters.random ?? Math.random
  if (!(plan.concurrency >= 1)) throw new RangeError("scheduler concurrency must be >= 1")
  if (plan.mode === "open" && !((plan.targetTps ?? 0) > 0))
    throw new RangeError("open loop needs targetTps > 0")

  const stopController = new AbortController()
  const freeWorkerIds = Array.from({ length: plan.concurrency }, (_, index) => plan.concurrency - 1 - index)
  const idleWaiters = new Set<() => void>()
  const counters = { started: 0, inFlight: 0, skippedInFlight: 0, skippedNoWallet: 0, finished: false }
  let startedAt = 0

  function track(promise: Promise<unknown>, workerId: number) {
    counters.started += 1
    counters.inFlight += 1
    const settle = () => {
      counters.inFlight -= 1
      freeWorkerIds.push(workerId)
      if (counters.inFlight === 0) for (const wake of idleWaiters) wake()
    }
    promise.then(settle, settle)
  }

  function timeIsUp(at: number) {
    return plan.durationMs !== undefined && at - startedAt >= plan.durationMs
  }
  function countReached() {
    return plan.count !== undefined && counters.started >= plan.count
  }

  async function runOpen() {
    const targetTps = plan.targetTps ?? 1
    const rampUpMs = plan.rampUpMs ?? 0
    const startsPerTick = 32
    let startsSinceYield = 0
    for (let index = 0; !stopController.signal.aborted && !countReached(); index += 1) {
      const dueAt = startedAt + startOffsetMs(index, targetTps, rampUpMs)
      if (timeIsUp(dueAt)) break
      const wait = dueAt - clock.now()
      if (wait > 0) await clock.sleep(wait, stopController.signal)
      if (stopController.signal.aborted) break
      const workerId = freeWorkerIds.pop()
      if (workerId === undefined) {
        counters.skippedInFlight += 1
        continue
      }
      const promise = launch({ index, workerId, scheduledAt: dueAt - startedAt })
      if (promise === undefined) {
        freeWorkerIds.push(workerId)
        counters.skippedNoWallet += 1
        continue
      }
      track(promise, workerId)
      // Behind schedule (after a stall, or when a batch of tasks ended at once) every due start
      // would run in this one tick; let I/O and timers in between every few starts.
      startsSinceYield += 1
      if (startsSinceYield >= startsPerTick && clock.now() > dueAt) {
        startsSinceYield = 0
        await new Promise<void>((resolve) => setImmediate(resolve))
      }
    }
  }

  async function runWorker(workerId: number, nextIndex: () => number) {
    const minDelay = plan.minDelayMs ?? 0
    const maxDelay = Math.max(minDelay, plan.maxDelayMs ?? minDelay)
    while (!stopController.signal.aborted && !countReached() && !timeIsUp(clock.now())) {
      const index = nextIndex()
      const promise = launch({ index, workerId, scheduledAt: clock.now() - startedAt })
      if (promise === undefined) {
        counters.skippedNoWallet += 1
        await clock.sleep(20, stopController.signal)
        continue
      }
      counters.started += 1
      counters.inFlight += 1
      await promise.then(
        () => undefined,
        () => undefined,
      )
      counters.inFlight -= 1
      if (counters.inFlight === 0) for (const wake of idleWaiters) wake()
      const delay = minDelay + random() * (maxDelay - minDelay)
      if (delay > 0) await clock.sleep(delay, stopController.signal)
    }
  }

  async function runClosed() {
    let index = 0
    const nextIndex = () => index++
    const workers = Promise.all(
      Array.from({ length: plan.concurrency }, (_, workerId) => runWorker(workerId, nextIndex)),
    )
    // After stop() the workers' current tasks are drained by drain(), not by run().
    const stopped = new Promise<void>((resolve) =>
      stopController.signal.addEventListener("abort", () => resolve(), { once: true }),
    )
    await Promise.race([workers, stopped])
  }

  return {
    async run() {
      startedAt = clock.now()
      if (plan.mode === "open") await runOpen()
      else await runClosed()
      counters.finished = true
      return { ...counters }
    },
    stop() {
      stopController.abort()
    },
    drain(timeoutMs) {
      if (counters.inFlight === 0) return Promise.resolve(true)
      return new Promise<boolean>((resolve) => {
        const timeout = new AbortController()
        const wake = () => {
          idleWaiters.delete(wake)
          timeout.abort()
          resolve(true)
        }
        idleWaiters.add(wake)
        void clock.sleep(timeoutMs, timeout.signal).then(() => {
          if (!idleWaiters.has(wake)) return
          idleWaiters.delete(wake)
          resolve(counters.inFlight === 0)
        })
      })
    },
    stats() {
      return { ...counters }
    },
  }
}
