import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { createTestTarget } from "../testing/database/dialects.js"
import { createFundingLock, type FundingLock } from "./fundingLock.js"

const funder = "0x00000000000000000000000000000000000000aA"
const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds))

/** Four holders at once; returns the [enter, leave] order of their bodies and how many waited. */
async function contend(locks: readonly FundingLock[], owner = { chainId: 31337, funder }) {
  const events: string[] = []
  let waits = 0
  await Promise.all(
    locks.map((lock, index) =>
      lock.hold(
        owner,
        async () => {
          events.push(`enter ${index}`)
          await sleep(40)
          events.push(`leave ${index}`)
        },
        { onWait: () => waits++ },
      ),
    ),
  )
  return { events, waits }
}

/** No two bodies overlap: every enter is followed by the same holder's leave. */
function expectSerial(events: readonly string[]) {
  for (let index = 0; index < events.length; index += 2)
    expect(events[index + 1]).toBe(events[index]?.replace("enter", "leave"))
}

describe("funding lock on PostgreSQL (one lock per shard process)", () => {
  const target = createTestTarget("postgres")
  let url = ""
  beforeAll(async () => {
    await target.start()
    url = await target.newUrl()
  }, 60_000)
  afterAll(() => target.stop())

  it("lets one holder in at a time, the others wait and then proceed", async () => {
    const locks = Array.from({ length: 4 }, () => createFundingLock({ url }))
    expect(locks[0]?.scope).toBe("postgres")
    const { events, waits } = await contend(locks)
    expect(events).toHaveLength(8)
    expectSerial(events)
    expect(waits).toBeGreaterThanOrEqual(1)
  })

  it("keys the lock by chain and funder: other funders and chains do not wait", async () => {
    const first = createFundingLock({ url })
    const second = createFundingLock({ url })
    // A barrier: each body waits (up to 5 s) for the other two to be inside too. Serialised
    // holders could never all be inside at once.
    let inside = 0
    const body = async () => {
      inside++
      const deadline = Date.now() + 5000
      while (inside < 3 && Date.now() < deadline) await sleep(10)
      return inside
    }
    const seen = await Promise.all([
      first.hold({ chainId: 1, funder }, body),
      second.hold({ chainId: 2, funder }, body),
      second.hold({ chainId: 1, funder: "0x00000000000000000000000000000000000000bB" }, body),
    ])
    expect(seen.map((result) => result.unwrap())).toEqual([3, 3, 3])
  })

  it("gives up waiting when the signal is aborted, and releases the lock after a holder's body", async () => {
    const holder = createFundingLock({ url })
    const waiter = createFundingLock({ url })
    let release = () => {}
    const held = holder.hold(
      { chainId: 3, funder },
      () => new Promise<void>((resolve) => (release = resolve)),
    )
    await sleep(50)
    const aborted = await waiter.hold({ chainId: 3, funder }, async () => "entered", {
      signal: AbortSignal.timeout(300),
    })
    expect(aborted.isErr() && aborted.error.code).toBe("DATABASE_WRITE_FAILED")
    release()
    expect((await held).isOk()).toBe(true)
    expect((await waiter.hold({ chainId: 3, funder }, async () => "entered")).unwrap()).toBe("entered")
  })

  it("reports an unreachable server as a database open error", async () => {
    const lock = createFundingLock({ url: "postgres://nobody@127.0.0.1:1/none", connectTimeoutMs: 1000 })
    const held = await lock.hold({ chainId: 1, funder }, async () => "entered")
    expect(held.isErr() && held.error.code).toBe("DATABASE_OPEN_FAILED")
  })
})

describe("funding lock without PostgreSQL", () => {
  it("orders the rounds of one process", async () => {
    const lock = createFundingLock({ url: "./data/tempo.db" })
    expect(lock.scope).toBe("process")
    const { events, waits } = await contend([lock, lock, lock, lock])
    expectSerial(events)
    expect(waits).toBe(3)
  })
})
