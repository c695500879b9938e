import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { createSenderLimit, type ReleaseSenderSlot } from "./senderLimit.js"

const flush = () => new Promise((resolve) => setImmediate(resolve))

describe("createSenderLimit", () => {
  it("lets `limit` through per sender, queues the rest FIFO, and ignores address case", async () => {
    const limit = createSenderLimit({ limit: 2 })
    const order: number[] = []
    const first = (await limit.acquire("0xAB")).unwrap()
    const second = (await limit.acquire("0xab")).unwrap()
    const third = limit.acquire("0xab").then((slot) => {
      order.push(3)
      return slot.unwrap()
    })
    const fourth = limit.acquire("0xAb").then((slot) => {
      order.push(4)
      return slot.unwrap()
    })
    const other = (await limit.acquire("0xcd")).unwrap()
    await flush()
    expect([limit.inFlight("0xab"), limit.waiting("0xab"), limit.inFlight("0xcd")]).toEqual([2, 2, 1])
    second()
    second() // a second call gives nothing back
    await flush()
    expect(order).toEqual([3])
    first()
    await flush()
    expect(order).toEqual([3, 4])
    ;(await third)()
    ;(await fourth)()
    other()
    expect([limit.inFlight("0xab"), limit.waiting("0xab"), limit.inFlight("0xcd")]).toEqual([0, 0, 0])
  })

  it("returns SenderLimitAbortedError to a waiter whose signal fires, and skips it", async () => {
    const limit = createSenderLimit({ limit: 1 })
    const held = (await limit.acquire("0xab")).unwrap()
    const controller = new AbortController()
    const aborted = limit.acquire("0xab", controller.signal)
    const next = limit.acquire("0xab")
    controller.abort(new Error("shutdown"))
    const result = await aborted
    expect(result.isErr() && result.error.code).toBe("SENDER_LIMIT_ABORTED")
    held()
    expect((await next).isOk()).toBe(true)
    const already = await limit.acquire("0xef", AbortSignal.abort())
    expect(already.isErr()).toBe(true)
    expect(() => createSenderLimit({ limit: 0 })).toThrow(RangeError)
  })

  it("property: never more than N in flight per sender, FIFO per sender, and every waiter proceeds", async () => {
    const action = fc.oneof(
      fc.record({
        kind: fc.constant("acquire" as const),
        sender: fc.integer({ min: 0, max: 2 }),
        abortable: fc.boolean(),
      }),
      fc.record({ kind: fc.constant("release" as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant("abort" as const), pick: fc.nat() }),
    )
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.array(action, { maxLength: 60 }),
        async (size, actions) => {
          const limit = createSenderLimit({ limit: size })
          const held: { sender: number; release: ReleaseSenderSlot }[] = []
          const pending: { sender: number; id: number; controller?: AbortController }[] = []
          const granted: number[][] = [[], [], []]
          const requested: number[][] = [[], [], []]
          const abortedIds = new Set<number>()
          const settled: Promise<void>[] = []
          let nextId = 0
          const check = () => {
            for (let sender = 0; sender < 3; sender += 1) {
              const mine = held.filter((slot) => slot.sender === sender).length
              expect(mine).toBeLessThanOrEqual(size)
              expect(limit.inFlight(`0x${sender}`)).toBe(mine)
            }
          }
          for (const step of actions) {
            if (step.kind === "acquire") {
              const id = nextId++
              const controller = step.abortable ? new AbortController() : undefined
              requested[step.sender]?.push(id)
              const entry = { sender: step.sender, id, ...(controller === undefined ? {} : { controller }) }
              pending.push(entry)
              settled.push(
                limit.acquire(`0x${step.sender}`, controller?.signal).then((slot) => {
                  pending.splice(pending.indexOf(entry), 1)
                  if (slot.isErr()) abortedIds.add(id)
                  else {
                    granted[step.sender]?.push(id)
                    held.push({ sender: step.sender, release: slot.value })
                  }
                }),
              )
            } else if (step.kind === "release" && held.length > 0) {
              const [slot] = held.splice(step.pick % held.length, 1)
              slot?.release()
            } else if (step.kind === "abort") {
              const abortable = pending.filter((entry) => entry.controller !== undefined)
              abortable[step.pick % Math.max(abortable.length, 1)]?.controller?.abort()
            }
            await flush()
            check()
          }
          // Release everything, repeatedly: every waiter that was not aborted must get a slot.
          while (held.length > 0) {
            held.shift()?.release()
            await flush()
            check()
          }
          await Promise.all(settled)
          expect(pending).toEqual([])
          for (let sender = 0; sender < 3; sender += 1) {
            // FIFO: slots were granted in request order (aborted requests left out).
            expect(granted[sender]).toEqual(requested[sender]?.filter((id) => !abortedIds.has(id)))
            expect(limit.waiting(`0x${sender}`)).toBe(0)
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})
