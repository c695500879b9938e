import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { createPollSchedule } from "./pollSchedule.js"

// The schedule is driven with simulated time: a chain whose block k arrives at
// phase + k × blockTime + jitter, a node that answers a poll after `rtt` and evaluates it halfway,
// a settlement that takes a while after a block is found. Nothing sleeps; the clock is a number.

const pollIntervalMs = 200
const fastPollIntervalMs = 25

type Simulation = {
  blockTimeSeconds: number
  phase: number
  jitters: number[]
  rtt: number
  settleMs: number
}

/** Runs the schedule against the simulated chain; per block: detection lag and polls spent. */
function simulate(simulation: Simulation) {
  const { blockTimeSeconds, phase, jitters, rtt, settleMs } = simulation
  const blockTime = blockTimeSeconds * 1000
  const arrivals = jitters.map((jitter, index) => phase + index * blockTime + jitter)
  const schedule = createPollSchedule({ pollIntervalMs, fastPollIntervalMs })
  const found: { lag: number; polls: number; steady: boolean }[] = []
  let processed = -1
  let polls = 0
  // Steady: the block time was trusted when this block and the one before it were found.
  let trustedBefore = false
  let time = 0
  while (processed < arrivals.length - 1) {
    const startedAt = time
    const evaluatedAt = startedAt + rtt / 2
    polls += 1
    let head = processed
    while (head + 1 < arrivals.length && (arrivals[head + 1] as number) <= evaluatedAt) head += 1
    const progressed = head > processed
    const trusted = schedule.blockTimeMs === blockTime
    for (let number = processed + 1; number <= head; number += 1) {
      schedule.recordBlock(BigInt(number), 1_700_000_000 + number * blockTimeSeconds, startedAt)
      found.push({ lag: evaluatedAt - (arrivals[number] as number), polls, steady: trusted && trustedBefore })
      trustedBefore = trusted
      polls = 0
    }
    processed = head
    const now = startedAt + rtt + (progressed ? settleMs : 0)
    const delay = schedule.delayAfter({ startedAt, now, reachable: true, progressed, caughtUp: true })
    expect(delay).toBeGreaterThanOrEqual(0)
    time = now + delay
  }
  return found
}

const steadyChain = fc.record({
  blockTimeSeconds: fc.integer({ min: 1, max: 3 }),
  phase: fc.integer({ min: 0, max: 999 }),
  // anvil's arrivals vary by a few tens of ms (a big block takes longer to mine)
  jitters: fc.array(fc.integer({ min: 0, max: 25 }), { minLength: 12, maxLength: 40 }),
  rtt: fc.integer({ min: 0, max: 20 }),
  settleMs: fc.integer({ min: 0, max: 400 }),
})

describe("poll schedule", () => {
  it("on a steady chain finds every block within one fast interval of its arrival, with few polls per block", () => {
    fc.assert(
      fc.property(steadyChain, (simulation) => {
        const found = simulate(simulation)
        // Trusted after 3 equal timestamp steps and 3 agreeing arrivals; from then on:
        const steady = found.filter((block) => block.steady)
        expect(steady.length).toBeGreaterThanOrEqual(found.length - 5)
        for (const block of steady) {
          expect(block.lag).toBeLessThanOrEqual(fastPollIntervalMs + simulation.rtt)
          // the lead (100 ms) plus the jitter, polled every fast interval, and the finding poll
          expect(block.polls).toBeLessThanOrEqual(Math.ceil((100 + 2 * 25) / fastPollIntervalMs) + 2)
        }
      }),
      { numRuns: 200 },
    )
  })

  it("polls on the fixed interval while the block time is unknown or the timestamps are unsteady", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 150 }),
        (steps, elapsed) => {
          // The first block gives no step; the schedule trusts the last three steps when equal and > 0.
          const lastSteps = steps.slice(1).slice(-3)
          fc.pre(
            lastSteps.length < 3 || lastSteps[0] === 0 || lastSteps.some((step) => step !== lastSteps[0]),
          )
          const schedule = createPollSchedule({ pollIntervalMs, fastPollIntervalMs })
          let timestamp = 1_700_000_000
          let seenAt = 0
          for (const [index, step] of steps.entries()) {
            timestamp += step
            seenAt += step * 1000
            schedule.recordBlock(BigInt(index), timestamp, seenAt)
          }
          expect(schedule.blockTimeMs).toBeUndefined()
          const poll = { startedAt: seenAt, now: seenAt + elapsed, reachable: true, caughtUp: true }
          expect(schedule.delayAfter({ ...poll, progressed: true })).toBe(
            Math.max(pollIntervalMs - elapsed, 10),
          )
          expect(schedule.delayAfter({ ...poll, progressed: false })).toBe(
            Math.max(pollIntervalMs - elapsed, 10),
          )
        },
      ),
    )
  })

  it("does not trust timestamps the arrivals contradict (blocks every 250 ms stamped a second apart)", () => {
    const schedule = createPollSchedule({ pollIntervalMs, fastPollIntervalMs })
    for (let number = 0; number < 10; number += 1)
      schedule.recordBlock(BigInt(number), 1_700_000_000 + number, number * 250)
    expect(schedule.blockTimeMs).toBeUndefined()
    const delay = schedule.delayAfter({
      startedAt: 2_250,
      now: 2_260,
      reachable: true,
      progressed: true,
      caughtUp: true,
    })
    expect(delay).toBe(190)
  })

  it("polls at once while behind the head, and on the fixed interval when the node is unreachable or a block is overdue", () => {
    const schedule = createPollSchedule({ pollIntervalMs, fastPollIntervalMs })
    for (let number = 0; number < 6; number += 1)
      schedule.recordBlock(BigInt(number), 1_700_000_000 + number, number * 1000)
    expect(schedule.blockTimeMs).toBe(1000)
    const base = { startedAt: 5_000, now: 5_010, reachable: true }
    expect(schedule.delayAfter({ ...base, progressed: true, caughtUp: false })).toBe(0)
    // caught up: sleeps until 100 ms before the next block is due (anchor 5 000 + 1 000)
    expect(schedule.delayAfter({ ...base, progressed: true, caughtUp: true })).toBe(890)
    expect(schedule.delayAfter({ ...base, reachable: false, progressed: false, caughtUp: true })).toBe(190)
    // in the window: the fast interval; half a block overdue: the fixed interval again
    const inWindow = { startedAt: 5_950, now: 5_955, reachable: true, progressed: false, caughtUp: true }
    expect(schedule.delayAfter(inWindow)).toBe(20)
    const overdue = { startedAt: 6_600, now: 6_605, reachable: true, progressed: false, caughtUp: true }
    expect(schedule.delayAfter(overdue)).toBe(195)
  })
})
