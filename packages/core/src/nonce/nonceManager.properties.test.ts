import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { Err, Ok, type Result } from "../result.js"
import { SimulatedChain } from "../testing/nonce/simulatedChain.js"
import type { NonceLane } from "./lane.js"
import { createNonceManager, type NonceManager } from "./nonceManager.js"
import type { NonceReservation } from "./reservation.js"

// Model-based properties: random interleavings of reserve / release / submit / reject / confirm /
// resync (with fetches answered late, stale or failing) against a simulated chain. Each property
// runs 1000 interleavings; the scenario records every invariant, each test asserts one.

const lane: NonceLane = {
  chainId: 31337,
  address: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
  nonceKey: 0n,
}

type Command =
  | { kind: "reserve" }
  | { kind: "submit"; pick: number }
  | { kind: "release"; pick: number }
  | { kind: "rejectOther"; pick: number }
  | { kind: "alreadyKnown"; pick: number }
  | { kind: "mine"; count: number }
  | { kind: "external" }
  | { kind: "drop"; pick: number }
  | { kind: "resync" }
  | { kind: "answerFetch"; answer: "current" | "lagging" | "failure" }

const commandArbitrary: fc.Arbitrary<Command> = fc.oneof(
  { weight: 5, arbitrary: fc.constant({ kind: "reserve" as const }) },
  { weight: 4, arbitrary: fc.nat(64).map((pick) => ({ kind: "submit" as const, pick })) },
  { weight: 2, arbitrary: fc.nat(64).map((pick) => ({ kind: "release" as const, pick })) },
  { weight: 1, arbitrary: fc.nat(64).map((pick) => ({ kind: "rejectOther" as const, pick })) },
  { weight: 1, arbitrary: fc.nat(64).map((pick) => ({ kind: "alreadyKnown" as const, pick })) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 4 }).map((count) => ({ kind: "mine" as const, count })) },
  { weight: 1, arbitrary: fc.constant({ kind: "external" as const }) },
  { weight: 1, arbitrary: fc.nat(64).map((pick) => ({ kind: "drop" as const, pick })) },
  { weight: 1, arbitrary: fc.constant({ kind: "resync" as const }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom("current", "current", "current", "lagging", "failure").map((answer) => ({
      kind: "answerFetch" as const,
      answer: answer as "current" | "lagging" | "failure",
    })),
  },
)

type Scenario = { initialNonce: bigint; withExternal: boolean; commands: Command[] }

const scenarioArbitrary: fc.Arbitrary<Scenario> = fc.record({
  initialNonce: fc.bigInt({ min: 0n, max: 50n }),
  withExternal: fc.boolean(),
  commands: fc.array(commandArbitrary, { minLength: 1, maxLength: 40, size: "max" }),
})

type Violations = {
  duplicateInFlight: string[]
  releasedNotReusedFirst: string[]
  gapAfterSettling: string[]
  confirmedAboveSubmitted: string[]
  movedBelowConfirmed: string[]
  wrongGapReport: string[]
}

/**
 * Lets every promise chain settle: a fetch answer reaches `reserve`'s caller in 3 microtask turns
 * (measured), so 8 leaves a margin without the cost of a macrotask per command.
 */
async function flush() {
  for (let turn = 0; turn < 8; turn++) await Promise.resolve()
}

/** Classification reads only `code`; a plain object skips the (costly under vitest) stack trace. */
const rpcError = (code: string) => ({ code, message: code })

function lowestOf(nonces: Set<bigint>): bigint {
  let lowest: bigint | undefined
  for (const nonce of nonces) if (lowest === undefined || nonce < lowest) lowest = nonce
  return lowest as bigint
}

async function runScenario(scenario: Scenario) {
  const { initialNonce, withExternal, commands } = scenario
  const chain = new SimulatedChain(initialNonce)
  const fetches: ((result: Result<bigint, unknown>) => void)[] = []
  const manager: NonceManager = createNonceManager({
    fetchPendingNonce: () => new Promise((resolve) => fetches.push(resolve)),
  })
  const violations: Violations = {
    duplicateInFlight: [],
    releasedNotReusedFirst: [],
    gapAfterSettling: [],
    confirmedAboveSubmitted: [],
    movedBelowConfirmed: [],
    wrongGapReport: [],
  }
  const outstanding: NonceReservation[] = []
  /** Nonces reserved and not settled, or submitted and not yet mined. */
  const inFlight = new Set<bigint>()
  /** Our model of the manager's released nonces: every one at or above the floor. */
  const released = new Set<bigint>()
  let floor = 0n
  let highestHandedOut = -1n
  let lastConfirmed = 0n
  let lastFloor = 0n
  let block = 0n
  /** The manager ignores receipts for lanes it has never seen; so does the model. */
  let laneKnown = false

  const raiseModelFloor = (value: bigint) => {
    if (value <= floor) return
    floor = value
    for (const nonce of released) if (nonce < floor) released.delete(nonce)
  }

  const onReserved = (reservation: NonceReservation) => {
    const nonce = reservation.nonce
    if (inFlight.has(nonce)) violations.duplicateInFlight.push(`nonce ${nonce} handed out while in flight`)
    if (released.size > 0) {
      const lowest = lowestOf(released)
      if (nonce !== lowest) violations.releasedNotReusedFirst.push(`got ${nonce}, lowest released ${lowest}`)
      released.delete(nonce)
    } else if (nonce < floor || nonce <= highestHandedOut) {
      violations.releasedNotReusedFirst.push(
        `fresh ${nonce} below floor ${floor} or highest ${highestHandedOut}`,
      )
    }
    if (nonce > highestHandedOut) highestHandedOut = nonce
    inFlight.add(nonce)
    outstanding.push(reservation)
  }

  const reserve = () => {
    laneKnown = true
    manager.reserve(lane).then((result) => {
      if (result.isOk()) onReserved(result.value)
    })
  }

  const answerFetch = (answer: "current" | "lagging" | "failure") => {
    const resolve = fetches.shift()
    if (resolve === undefined) return
    if (answer === "failure") return resolve(Err(rpcError("RPC_TIMEOUT")))
    const pending = chain.pendingNonce()
    const value = answer === "lagging" && pending > 0n ? pending - 1n : pending
    raiseModelFloor(value)
    resolve(Ok(value))
  }

  const settleReleased = (nonce: bigint) => {
    inFlight.delete(nonce)
    if (nonce >= floor) released.add(nonce)
  }

  /** Broadcasts to the chain and settles the reservation the way the runner would. */
  const submit = (reservation: NonceReservation, alreadyKnownRetry: boolean) => {
    const nonce = reservation.nonce
    const outcome = chain.broadcast(nonce)
    if (outcome === "accepted") {
      if (alreadyKnownRetry) {
        // The first broadcast timed out but reached the node; the retry says "already known".
        if (reservation.markRejected(rpcError("RPC_ALREADY_KNOWN"), block) !== "submitted") {
          throw new Error("already known must classify as submitted")
        }
      } else reservation.markSubmitted(block)
      return
    }
    const classified = reservation.markRejected(rpcError(outcome), block)
    const expected = outcome === "RPC_ALREADY_KNOWN" ? "submitted" : "resync"
    if (classified !== expected) throw new Error(`${outcome} classified as ${classified}`)
    if (classified === "resync") inFlight.delete(nonce)
  }

  const take = (pick: number) => {
    if (outstanding.length === 0) return undefined
    return outstanding.splice(pick % outstanding.length, 1)[0]
  }

  const checkLane = () => {
    const snapshot = manager.getLane(lane)
    if (snapshot.isErr()) return
    const { confirmed, next, floor: laneFloor } = snapshot.value
    if (confirmed > next || confirmed > chain.pendingNonce()) {
      violations.confirmedAboveSubmitted.push(
        `confirmed ${confirmed}, next ${next}, chain ${chain.pendingNonce()}`,
      )
    }
    if (confirmed < lastConfirmed || laneFloor < lastFloor || laneFloor < confirmed || next < laneFloor) {
      violations.movedBelowConfirmed.push(
        `confirmed ${lastConfirmed}→${confirmed}, floor ${lastFloor}→${laneFloor}, next ${next}`,
      )
    }
    lastConfirmed = confirmed
    lastFloor = laneFloor
  }

  for (const command of commands) {
    block++
    switch (command.kind) {
      case "reserve":
        reserve()
        break
      case "submit":
      case "alreadyKnown": {
        const reservation = take(command.pick)
        if (reservation !== undefined) submit(reservation, command.kind === "alreadyKnown")
        break
      }
      case "release":
      case "rejectOther": {
        const reservation = take(command.pick)
        if (reservation === undefined) break
        if (command.kind === "release") reservation.release()
        else if (reservation.markRejected(rpcError("RPC_INSUFFICIENT_FUNDS")) !== "released") {
          throw new Error("insufficient funds must release the nonce")
        }
        settleReleased(reservation.nonce)
        break
      }
      case "mine": {
        const mined = chain.mine(command.count)
        for (const nonce of inFlight)
          if (nonce < mined && !outstanding.some((r) => r.nonce === nonce)) inFlight.delete(nonce)
        manager.confirm(lane, mined)
        if (laneKnown) raiseModelFloor(mined)
        break
      }
      case "drop": {
        // The node evicts one of our pending transactions; the runner tells the manager.
        const ours = [...chain.pool].filter(([, holder]) => holder === "ours").map(([nonce]) => nonce)
        const nonce = ours[command.pick % Math.max(ours.length, 1)]
        if (nonce === undefined) break
        chain.pool.delete(nonce)
        if (!manager.markDropped(lane, nonce)) throw new Error(`nonce ${nonce} was submitted but not tracked`)
        inFlight.delete(nonce)
        if (floor > nonce) floor = nonce
        released.add(nonce)
        lastFloor = nonce < lastFloor ? nonce : lastFloor
        break
      }
      case "external":
        if (withExternal) chain.sendExternal()
        break
      case "resync":
        laneKnown = true
        void manager.resync(lane)
        break
      case "answerFetch":
        answerFetch(command.answer)
        break
    }
    // Every reported gap is real: its nonce is ours, submitted and not mined, and waited long enough.
    for (const gap of manager.findGaps(block, 3)) {
      if (chain.pool.get(gap.found) !== "ours" || block - gap.sinceBlock < 3n) {
        violations.wrongGapReport.push(
          `gap at ${gap.found} since ${gap.sinceBlock} (block ${block}), mined ${chain.mined}`,
        )
      }
      if ((gap.kind === "missing") !== gap.expected < gap.found) {
        violations.wrongGapReport.push(`kind ${gap.kind} for expected ${gap.expected}, found ${gap.found}`)
      }
    }
    // Only these start or advance promise chains; every other command is synchronous.
    if (command.kind === "reserve" || command.kind === "answerFetch" || command.kind === "resync")
      await flush()
    checkLane()
  }

  // Settle everything still reserved, answer every fetch, then let released nonces be reused
  // (the runner keeps reserving): the chain must then hold no gap.
  for (const reservation of outstanding.splice(0)) submit(reservation, false)
  for (let round = 0; round < 500; round++) {
    while (fetches.length > 0) answerFetch("current")
    await flush()
    for (const reservation of outstanding.splice(0)) submit(reservation, false)
    const snapshot = manager.getLane(lane)
    const stale = snapshot.isOk() && snapshot.value.status === "stale"
    if (released.size === 0 && !stale && fetches.length === 0) break
    if (released.size > 0 || stale) reserve()
    await flush()
  }
  checkLane()
  if (!chain.isContiguous()) {
    violations.gapAfterSettling.push(
      `chain mined ${chain.mined}, pool ${[...chain.pool.keys()].sort((a, b) => (a < b ? -1 : 1)).join(",")}`,
    )
  }
  return violations
}

const numRuns = 1000

function holds(category: keyof Violations) {
  return fc.assert(
    fc.asyncProperty(scenarioArbitrary, async (scenario) => {
      const violations = await runScenario(scenario)
      expect(violations[category]).toEqual([])
    }),
    { numRuns },
  )
}

// Error results (Err, BaseError) capture stack traces, which vitest source-maps at a high price;
// the properties never read them, so skip them while the properties run.
const stackTraceLimit = Error.stackTraceLimit
beforeAll(() => {
  Error.stackTraceLimit = 0
})
afterAll(() => {
  Error.stackTraceLimit = stackTraceLimit
})

describe("nonce manager invariants over random interleavings", () => {
  it("never hands out a nonce twice while it is in flight", () => holds("duplicateInFlight"))
  it("reuses released nonces before new ones, lowest first", () => holds("releasedNotReusedFirst"))
  it("leaves the submitted nonces contiguous from the chain's nonce once everything settles", () =>
    holds("gapAfterSettling"))
  it("never records a confirmed nonce above what was submitted", () => holds("confirmedAboveSubmitted"))
  it("never moves a lane below a confirmed nonce, whatever a resync answers", () =>
    holds("movedBelowConfirmed"))
  it("reports only real gaps: an unmined nonce of ours that waited the given number of blocks", () =>
    holds("wrongGapReport"))
})
