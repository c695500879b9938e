/**
 * When the tracker polls the head next. A chain with a steady block time (the last headers'
 * timestamps an equal number of seconds apart, and the blocks seen here arriving that far apart
 * too) makes its next block predictable: the tracker
 * sleeps until shortly before it is due, then polls every few tens of milliseconds until it comes,
 * instead of polling on a fixed interval (which found a block half an interval late on average and
 * asked for nothing most of the time). Without a steady block time, or once a block is overdue by
 * half a block, it polls on the fixed interval as before.
 */

/**
 * Options of {@link createPollSchedule}.
 *
 * @example
 * const options: PollScheduleOptions = { pollIntervalMs: 200, fastPollIntervalMs: 25 }
 */
export type PollScheduleOptions = {
  /** The fixed interval (no steady block time known, node unreachable, block overdue). */
  pollIntervalMs: number
  /** The interval around a block's expected arrival. */
  fastPollIntervalMs: number
}

/**
 * What a poll found, as the schedule needs it.
 *
 * @example
 * const poll: FinishedPoll = { startedAt: 1_000, now: 1_004, reachable: true, progressed: true, caughtUp: true }
 */
export type FinishedPoll = {
  /** Clock time the poll was sent. */
  startedAt: number
  /** Clock time now (the poll and any settlement it triggered are done). */
  now: number
  reachable: boolean
  /** A new block was processed. */
  progressed: boolean
  /** The last processed block is the head the node reported. */
  caughtUp: boolean
}

/** Consecutive equal timestamp steps (and arrivals that agree) needed before a block time is trusted. */
const stepsForSteadyBlockTime = 3

/** Arrival intervals kept; their median must agree with the headers' block time. */
const arrivalsKept = 5

/**
 * How far an arrival interval may stray from the headers' block time and still agree: polls on
 * the fixed interval see arrivals up to one interval off; a node whose timestamps do not follow
 * the clock (blocks mined on demand with set timestamps) does not pass.
 */
const arrivalTolerance = 0.5

/**
 * The poll schedule. `recordBlock` is told each processed header, `delayAfter` each finished poll.
 *
 * @example
 * const schedule = createPollSchedule({ pollIntervalMs: 200, fastPollIntervalMs: 25 })
 * schedule.recordBlock(7n, 1_700_000_007, clock.now())
 * await clock.sleep(schedule.delayAfter(poll), signal)
 */
export type PollSchedule = ReturnType<typeof createPollSchedule>

/**
 * Creates a poll schedule.
 *
 * @example
 * const schedule = createPollSchedule({ pollIntervalMs: 200, fastPollIntervalMs: 25 })
 */
export function createPollSchedule(options: PollScheduleOptions) {
  const { pollIntervalMs, fastPollIntervalMs } = options
  const steps: number[] = []
  const arrivals: number[] = []
  let last: { number: bigint; timestamp: number; seenAt: number } | undefined
  /** Clock time of the poll that first saw the newest block. */
  let anchor: number | undefined

  function blockTimeMs(): number | undefined {
    if (steps.length < stepsForSteadyBlockTime || arrivals.length < stepsForSteadyBlockTime) return undefined
    const first = steps[0] as number
    if (first <= 0 || steps.some((step) => step !== first)) return undefined
    const blockTime = first * 1000
    const sorted = [...arrivals].sort((left, right) => left - right)
    const median = sorted[Math.floor(sorted.length / 2)] as number
    return Math.abs(median - blockTime) <= blockTime * arrivalTolerance ? blockTime : undefined
  }

  function keepLast(values: number[], value: number, kept: number) {
    values.push(value)
    if (values.length > kept) values.shift()
  }

  function fixed(poll: FinishedPoll) {
    return Math.max(pollIntervalMs - (poll.now - poll.startedAt), 10)
  }

  return {
    /**
     * A processed header, first seen by the poll sent at `seenAt`: consecutive numbers give a
     * timestamp step, and (seen by different polls) an arrival interval.
     */
    recordBlock(number: bigint, timestamp: number, seenAt: number) {
      if (last !== undefined && number === last.number + 1n) {
        keepLast(steps, timestamp - last.timestamp, stepsForSteadyBlockTime)
        // Several blocks found by one poll (catching up) say nothing about when they arrived.
        if (seenAt > last.seenAt) keepLast(arrivals, seenAt - last.seenAt, arrivalsKept)
      } else {
        steps.length = 0
        arrivals.length = 0
      }
      last = { number, timestamp, seenAt }
    },
    /** Milliseconds to wait before the next poll. */
    delayAfter(poll: FinishedPoll): number {
      if (!poll.reachable) return fixed(poll)
      if (poll.progressed) {
        anchor = poll.startedAt
        // Behind the head (catching up): the next poll at once.
        if (!poll.caughtUp) return 0
      }
      const blockTime = blockTimeMs()
      if (blockTime === undefined || anchor === undefined) return fixed(poll)
      // The next block arrives about one block time after the last one did; anvil's arrivals vary
      // by up to ~70 ms (a big block takes longer to mine than a small one), hence the lead.
      const leadMs = Math.min(100, blockTime / 10)
      const windowStart = anchor + blockTime - leadMs
      if (poll.now < windowStart) return Math.min(windowStart - poll.now, blockTime)
      if (poll.now < anchor + blockTime * 1.5)
        return Math.max(fastPollIntervalMs - (poll.now - poll.startedAt), 5)
      // Overdue by half a block (a stalled or slower chain): back to the fixed interval.
      return fixed(poll)
    },
    /** The block time the schedule trusts (ms), if any. */
    get blockTimeMs() {
      return blockTimeMs()
    },
  }
}
