import { describe, expect, it } from "vitest"
import { NonceReservationSettledError } from "../errors/nonce.js"
import { Err, Ok, type Result } from "../result.js"
import type { NonceLane } from "./lane.js"
import { createNonceManager, type FetchPendingNonce } from "./nonceManager.js"

const lane: NonceLane = {
  chainId: 31337,
  address: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
  nonceKey: 0n,
}
const keyedLane: NonceLane = { ...lane, nonceKey: 7n }

/** A fetcher whose answers the test resolves by hand, counting calls per lane. */
function controlledFetcher() {
  const pending: { lane: NonceLane; resolve: (result: Result<bigint, unknown>) => void }[] = []
  const fetchPendingNonce: FetchPendingNonce = (requested) =>
    new Promise((resolve) => {
      pending.push({ lane: requested, resolve })
    })
  return {
    fetchPendingNonce,
    pending,
    answer(result: Result<bigint, unknown>) {
      const next = pending.shift()
      if (next === undefined) throw new Error("no fetch in flight")
      next.resolve(result)
    },
  }
}

async function readyManager(chainNonce = 5n) {
  const manager = createNonceManager({ fetchPendingNonce: async () => Ok(chainNonce) })
  ;(await manager.resync(lane)).unwrap()
  return manager
}

const rpcError = (code: string) => Object.assign(new Error(code), { code })

describe("createNonceManager: initialisation", () => {
  it("fetches a new lane once, then reserves synchronously", async () => {
    let calls = 0
    const manager = createNonceManager({
      fetchPendingNonce: async () => {
        calls++
        return Ok(5n)
      },
    })
    expect(manager.reserveSync(lane)).toBeUndefined()
    const first = (await manager.reserve(lane)).unwrap()
    expect(first.nonce).toBe(5n)
    expect(manager.reserveSync(lane)?.nonce).toBe(6n)
    expect((await manager.reserve(lane)).unwrap().nonce).toBe(7n)
    expect(calls).toBe(1)
  })

  it("deduplicates concurrent fetches: one in flight per lane, shared by reserve and resync", async () => {
    const fetcher = controlledFetcher()
    const manager = createNonceManager({ fetchPendingNonce: fetcher.fetchPendingNonce })
    const reservations = [manager.reserve(lane), manager.reserve(lane)]
    const resynced = manager.resync(lane)
    reservations.push(manager.reserve(lane))
    const other = manager.reserve(keyedLane)
    expect(fetcher.pending.map((entry) => entry.lane.nonceKey)).toEqual([0n, 7n])
    fetcher.answer(Ok(3n))
    fetcher.answer(Ok(0n))
    const nonces = (await Promise.all(reservations)).map((result) => result.unwrap().nonce)
    expect(nonces).toEqual([3n, 4n, 5n])
    expect((await resynced).unwrap()).toBe(3n)
    expect((await other).unwrap().nonce).toBe(0n)
    expect(manager.size).toBe(2)
  })

  it("treats checksummed and lower-case addresses as one lane, and keys as separate lanes", async () => {
    const manager = await readyManager(5n)
    expect(manager.reserveSync({ ...lane, address: lane.address.toLowerCase() })?.nonce).toBe(5n)
    expect(manager.reserveSync(keyedLane)).toBeUndefined()
    expect(manager.reserveSync({ ...lane, chainId: 1 })).toBeUndefined()
  })

  it("returns NonceResyncFailedError with the RPC error as cause, and retries on the next reserve", async () => {
    const cause = rpcError("RPC_TIMEOUT")
    let answer: Result<bigint, unknown> = Err(cause)
    const manager = createNonceManager({ fetchPendingNonce: async () => answer })
    const failed = await manager.reserve(lane)
    expect(failed.isErr() && failed.error.code).toBe("NONCE_RESYNC_FAILED")
    expect(failed.isErr() && failed.error.cause).toBe(cause)
    expect(manager.getLane(lane).isErr()).toBe(true)
    answer = Ok(9n)
    expect((await manager.reserve(lane)).unwrap().nonce).toBe(9n)
  })

  it("maps a throwing fetcher and a nonsense answer to NonceResyncFailedError", async () => {
    const throwing = createNonceManager({
      fetchPendingNonce: async () => {
        throw new Error("socket hang up")
      },
    })
    const thrown = await throwing.reserve(lane)
    expect(thrown.isErr() && thrown.error.code).toBe("NONCE_RESYNC_FAILED")
    const negative = createNonceManager({ fetchPendingNonce: async () => Ok(-1n) })
    const invalid = await negative.resync(lane)
    expect(invalid.isErr() && invalid.error.details).toBe("the chain returned -1, not a non-negative bigint")
  })

  it("getLane reports NonceLaneNotInitialisedError for an unknown lane", () => {
    const manager = createNonceManager({ fetchPendingNonce: async () => Ok(0n) })
    const result = manager.getLane(lane)
    expect(result.isErr() && result.error.code).toBe("NONCE_LANE_NOT_INITIALISED")
  })
})

describe("learn: a lane started from a nonce read elsewhere", () => {
  it("starts a new lane with no fetch; a keyed lane learned at 0 hands out 0, 1, …", async () => {
    let calls = 0
    const manager = createNonceManager({
      fetchPendingNonce: async () => {
        calls++
        return Ok(99n)
      },
    })
    expect(manager.learn(lane, 12n)).toBe(true)
    expect(manager.learn(keyedLane, 0n)).toBe(true)
    expect((await manager.reserve(lane)).unwrap().nonce).toBe(12n)
    expect(manager.reserveSync(lane)?.nonce).toBe(13n)
    expect((await manager.reserve(keyedLane)).unwrap().nonce).toBe(0n)
    expect(manager.reserveSync(keyedLane)?.nonce).toBe(1n)
    expect(calls).toBe(0)
    expect(manager.getLane(lane).unwrap().confirmed).toBe(12n)
  })

  it("leaves a known lane, a lane being fetched and a negative nonce alone", async () => {
    const manager = await readyManager(5n)
    expect(manager.learn(lane, 0n)).toBe(false)
    expect(manager.reserveSync(lane)?.nonce).toBe(5n)
    expect(manager.learn(lane, -1n)).toBe(false)
    const fetcher = controlledFetcher()
    const fetching = createNonceManager({ fetchPendingNonce: fetcher.fetchPendingNonce })
    const reservation = fetching.reserve(keyedLane)
    expect(fetching.learn(keyedLane, 0n)).toBe(false)
    fetcher.answer(Ok(4n))
    expect((await reservation).unwrap().nonce).toBe(4n)
  })

  it("a learned lane still resyncs from the chain after a nonce was taken", async () => {
    const manager = createNonceManager({ fetchPendingNonce: async () => Ok(8n) })
    manager.learn(lane, 3n)
    const reservation = (await manager.reserve(lane)).unwrap()
    expect(reservation.markRejected(rpcError("RPC_NONCE_TOO_LOW"))).toBe("resync")
    expect((await manager.reserve(lane)).unwrap().nonce).toBe(8n)
  })
})

describe("reservations: each transition", () => {
  it("markSubmitted records the nonce as in flight", async () => {
    const manager = await readyManager(5n)
    const reservation = manager.reserveSync(lane)!
    expect(reservation.state).toBe("reserved")
    expect(reservation.lane).toEqual(lane)
    reservation.markSubmitted(10n)
    expect(reservation.state).toBe("submitted")
    expect(manager.getLane(lane).unwrap()).toMatchObject({ submitted: [5n], reserved: 0, next: 6n })
  })

  it("release gives the nonce back: reused lowest first, before any new nonce", async () => {
    const manager = await readyManager(0n)
    const [r0, r1, r2, r3] = [0, 1, 2, 3].map(() => manager.reserveSync(lane)!)
    r2!.release()
    r0!.release()
    r1!.markSubmitted()
    expect(manager.getLane(lane).unwrap().released).toEqual([0n, 2n])
    expect(manager.reserveSync(lane)!.nonce).toBe(0n)
    expect(manager.reserveSync(lane)!.nonce).toBe(2n)
    expect(manager.reserveSync(lane)!.nonce).toBe(4n)
    r3!.release()
    expect(manager.reserveSync(lane)!.nonce).toBe(3n)
  })

  it("releasing the highest nonces shrinks next instead of growing the released list", async () => {
    const manager = await readyManager(0n)
    const reservations = [0, 1, 2, 3].map(() => manager.reserveSync(lane)!)
    reservations[1]!.release()
    reservations[2]!.release()
    reservations[3]!.release()
    expect(manager.getLane(lane).unwrap()).toMatchObject({ next: 1n, released: [] })
  })

  it("markRejected: nonce too low drops the nonce and refetches before the next reservation", async () => {
    let chainNonce = 5n
    let calls = 0
    const manager = createNonceManager({
      fetchPendingNonce: async () => {
        calls++
        return Ok(chainNonce)
      },
    })
    const reservation = (await manager.reserve(lane)).unwrap()
    chainNonce = 8n // another sender used 5, 6 and 7
    expect(reservation.markRejected(rpcError("RPC_NONCE_TOO_LOW"))).toBe("resync")
    expect(reservation.state).toBe("taken")
    expect(manager.getLane(lane).unwrap().status).toBe("stale")
    expect(manager.reserveSync(lane)).toBeUndefined()
    expect((await manager.reserve(lane)).unwrap().nonce).toBe(8n)
    expect(calls).toBe(2)
  })

  it("markRejected: replacement underpriced means the nonce is taken too", async () => {
    const manager = await readyManager(5n)
    expect(manager.reserveSync(lane)!.markRejected(rpcError("RPC_REPLACEMENT_UNDERPRICED"))).toBe("resync")
    expect(manager.getLane(lane).unwrap().released).toEqual([])
  })

  it("markRejected: already known counts as submitted", async () => {
    const manager = await readyManager(5n)
    const reservation = manager.reserveSync(lane)!
    expect(reservation.markRejected(rpcError("RPC_ALREADY_KNOWN"), 3n)).toBe("submitted")
    expect(reservation.state).toBe("submitted")
    expect(manager.getLane(lane).unwrap().submitted).toEqual([5n])
  })

  it("markRejected: anything else releases the nonce (found through the cause chain too)", async () => {
    const manager = await readyManager(5n)
    const first = manager.reserveSync(lane)!
    manager.reserveSync(lane)!.markSubmitted()
    expect(first.markRejected(rpcError("RPC_INSUFFICIENT_FUNDS"))).toBe("released")
    expect(manager.reserveSync(lane)!.nonce).toBe(5n)
    const wrapped = new Error("task failed", { cause: rpcError("RPC_NONCE_TOO_LOW") })
    expect(manager.reserveSync(lane)!.markRejected(wrapped)).toBe("resync")
  })

  it("throws NonceReservationSettledError on any second settlement", async () => {
    const manager = await readyManager(5n)
    const submitted = manager.reserveSync(lane)!
    submitted.markSubmitted()
    expect(() => submitted.release()).toThrow(NonceReservationSettledError)
    expect(() => submitted.markSubmitted()).toThrow(/already settled as submitted; markSubmitted\(\)/)
    const released = manager.reserveSync(lane)!
    released.release()
    expect(() => released.markRejected(new Error("x"))).toThrow(NonceReservationSettledError)
    // The failed second settlement changed nothing.
    expect(manager.getLane(lane).unwrap()).toMatchObject({ submitted: [5n], released: [], next: 6n })
  })
})

describe("confirm and resync", () => {
  it("confirm removes mined nonces, discards released ones below and never moves back", async () => {
    const manager = await readyManager(0n)
    const reservations = [0, 1, 2, 3, 4].map(() => manager.reserveSync(lane)!)
    for (const reservation of reservations.slice(0, 3)) reservation.markSubmitted()
    reservations[3]!.release()
    manager.confirm(lane, 2n)
    expect(manager.getLane(lane).unwrap()).toMatchObject({ confirmed: 2n, submitted: [2n], released: [3n] })
    manager.confirm(lane, 1n) // a late receipt
    expect(manager.getLane(lane).unwrap().confirmed).toBe(2n)
    manager.confirm(lane, 10n) // another sender's transactions mined too
    expect(manager.getLane(lane).unwrap()).toMatchObject({
      confirmed: 10n,
      next: 10n,
      released: [],
      submitted: [],
    })
    expect(manager.reserveSync(lane)!.nonce).toBe(10n)
    manager.confirm(keyedLane, 4n) // unknown lane: ignored
    expect(manager.size).toBe(1)
  })

  it("resync keeps in-flight reservations, drops released nonces below the chain and never goes below confirmed", async () => {
    let chainNonce = 0n
    const manager = createNonceManager({ fetchPendingNonce: async () => Ok(chainNonce) })
    ;(await manager.resync(lane)).unwrap()
    const reservations = [0, 1, 2, 3, 4, 5].map(() => manager.reserveSync(lane)!)
    reservations[1]!.release()
    reservations[4]!.release()
    reservations[0]!.markSubmitted()
    chainNonce = 3n
    expect((await manager.resync(lane)).unwrap()).toBe(3n)
    expect(manager.getLane(lane).unwrap()).toMatchObject({ floor: 3n, released: [4n], next: 6n, reserved: 3 })
    manager.confirm(lane, 4n)
    chainNonce = 2n // a lagging node
    expect((await manager.resync(lane)).unwrap()).toBe(4n)
    expect(manager.getLane(lane).unwrap()).toMatchObject({
      confirmed: 4n,
      floor: 4n,
      next: 6n,
      released: [4n],
    })
    expect(manager.reserveSync(lane)!.nonce).toBe(4n)
    expect(manager.reserveSync(lane)!.nonce).toBe(6n)
  })

  it("a fetch that started before the lane went stale does not make it ready", async () => {
    const fetcher = controlledFetcher()
    const manager = createNonceManager({ fetchPendingNonce: fetcher.fetchPendingNonce })
    const initial = manager.reserve(lane)
    fetcher.answer(Ok(5n))
    const reservation = (await initial).unwrap()
    const early = manager.resync(lane)
    reservation.markRejected(rpcError("RPC_NONCE_TOO_LOW"))
    fetcher.answer(Ok(5n)) // answered from before the rejection
    await early
    expect(manager.getLane(lane).unwrap().status).toBe("stale")
    const next = manager.reserve(lane)
    await Promise.resolve()
    fetcher.answer(Ok(9n))
    expect((await next).unwrap().nonce).toBe(9n)
  })
})

describe("findGaps", () => {
  it("reports a stuck lowest nonce after N blocks, once per wait", async () => {
    const manager = await readyManager(5n)
    manager.reserveSync(lane)!.markSubmitted(100n)
    manager.reserveSync(lane)!.markSubmitted(100n)
    expect(manager.findGaps(102n, 3)).toEqual([])
    expect(manager.findGaps(103n, 3)).toEqual([
      { lane, kind: "stuck", expected: 5n, found: 5n, sinceBlock: 100n },
    ])
    expect(manager.findGaps(104n, 3)).toEqual([])
    expect(manager.findGaps(106n, 3)).toHaveLength(1)
    manager.confirm(lane, 7n)
    expect(manager.findGaps(200n, 3)).toEqual([])
  })

  it("reports a missing nonce below the lowest submitted one", async () => {
    const manager = await readyManager(5n)
    const held = manager.reserveSync(lane)!
    manager.reserveSync(lane)!.markSubmitted(10n)
    held.release()
    const [gap] = manager.findGaps(20n, 5)
    expect(gap).toMatchObject({ kind: "missing", expected: 5n, found: 6n })
    // A filler reservation gets exactly the missing nonce.
    expect(manager.reserveSync(lane)!.nonce).toBe(5n)
  })

  it("starts the wait at the first check when submitted without a block", async () => {
    const manager = await readyManager(0n)
    manager.reserveSync(keyedLane)
    manager.reserveSync(lane)!.markSubmitted()
    expect(manager.findGaps(50n, 2)).toEqual([])
    expect(manager.findGaps(51n, 2)).toEqual([])
    expect(manager.findGaps(52n, 2)).toMatchObject([{ found: 0n, sinceBlock: 50n }])
  })
})

describe("scale", () => {
  it("keeps lanes under 1 KiB of heap each (100k lanes are measured in docs/benchmarks/nonce.md)", async () => {
    const { heapPerLane } = await import("./heapPerLane.js")
    const bytes = await heapPerLane(20_000)
    expect(bytes).toBeGreaterThan(0)
    expect(bytes).toBeLessThan(1024)
  })
})

describe("markDropped", () => {
  it("puts a dropped submitted nonce back for reuse, lowest first, and ignores unknown ones", async () => {
    const manager = await readyManager(0n)
    for (let index = 0; index < 4; index++) manager.reserveSync(lane)!.markSubmitted(1n)
    expect(manager.markDropped(lane, 2n)).toBe(true)
    expect(manager.markDropped(lane, 2n)).toBe(false)
    expect(manager.markDropped(lane, 9n)).toBe(false)
    expect(manager.markDropped(keyedLane, 0n)).toBe(false)
    expect(manager.markDropped(lane, 0n)).toBe(true)
    expect(manager.getLane(lane).unwrap()).toMatchObject({
      submitted: [1n, 3n],
      released: [0n, 2n],
      reserved: 0,
    })
    expect(manager.reserveSync(lane)!.nonce).toBe(0n)
    manager.confirm(lane, 2n) // 0 and 1 mined after all: the released 2 stays, 0 is no longer in flight
    expect(manager.markDropped(lane, 1n)).toBe(false)
    expect(manager.reserveSync(lane)!.nonce).toBe(2n)
    expect(manager.reserveSync(lane)!.nonce).toBe(4n)
  })

  it("dropping the highest submitted nonce shrinks next", async () => {
    const manager = await readyManager(0n)
    manager.reserveSync(lane)!.markSubmitted()
    manager.reserveSync(lane)!.markSubmitted()
    expect(manager.markDropped(lane, 1n)).toBe(true)
    expect(manager.getLane(lane).unwrap()).toMatchObject({ next: 1n, submitted: [0n], released: [] })
  })
})

describe("markDropped after a resync counted the dropped nonce", () => {
  it("still reuses it: the fetched floor no longer holds above a dropped nonce", async () => {
    let chainNonce = 0n
    const manager = createNonceManager({ fetchPendingNonce: async () => Ok(chainNonce) })
    const reservation = (await manager.reserve(lane)).unwrap()
    reservation.markSubmitted()
    chainNonce = 1n // the node's pending count includes our transaction 0
    ;(await manager.resync(lane)).unwrap()
    expect(manager.markDropped(lane, 0n)).toBe(true)
    expect(manager.getLane(lane).unwrap()).toMatchObject({ floor: 0n, next: 0n, submitted: [] })
    expect(manager.reserveSync(lane)!.nonce).toBe(0n)
  })
})
