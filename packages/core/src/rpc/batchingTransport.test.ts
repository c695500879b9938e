import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { type BatchingQueue, createBatchingQueue } from "./batchingTransport.js"

type Item = { id: number; urgent: boolean; group: string }

type SentBatch = { items: Item[]; group: unknown; urgent: boolean; finish(): void }

/** A queue whose batches stay in flight until the test finishes them. */
function harness(options: { maxConcurrentBatches: number; maxBatchSize?: number; urgentSlots?: number }) {
  const urgentSlots = options.urgentSlots ?? 1
  const sent: SentBatch[] = []
  const open: SentBatch[] = []
  let queue: BatchingQueue<Item> | undefined
  const violations: string[] = []
  queue = createBatchingQueue<Item>({
    maxBatchSize: options.maxBatchSize ?? 100,
    batchWaitMs: 0,
    maxConcurrentBatches: options.maxConcurrentBatches,
    urgentSlots,
    groupOf: (item) => item.group,
    isUrgent: (item) => item.urgent,
    sendBatch(items, group) {
      const urgent = items[0]?.urgent === true
      // At the moment a normal batch starts, no urgent item may be left waiting.
      if (!urgent && (queue?.queuedUrgent ?? 0) > 0)
        violations.push("normal batch sent while urgent items wait")
      return new Promise<void>((resolve) => {
        const batch: SentBatch = {
          items,
          group,
          urgent,
          finish() {
            open.splice(open.indexOf(batch), 1)
            resolve()
          },
        }
        sent.push(batch)
        open.push(batch)
        // The limits must hold at the moment a batch starts, whatever interleaving led here.
        const urgentOpen = open.filter((candidate) => candidate.urgent).length
        if (open.length > options.maxConcurrentBatches + urgentSlots)
          violations.push(`${open.length} batches in flight`)
        if (open.length - urgentOpen > options.maxConcurrentBatches)
          violations.push(`${open.length - urgentOpen} normal batches in flight`)
      })
    },
  })
  let nextId = 0
  return {
    queue,
    sent,
    open,
    violations,
    enqueue(count: number, urgent: boolean, group = "default") {
      for (let index = 0; index < count; index += 1) queue.enqueue({ id: nextId++, urgent, group })
    },
    get enqueued() {
      return nextId
    },
  }
}

/** Lets the tick's flush and any finished batch's follow-up pump run. */
const settle = () => new Promise((resolve) => setImmediate(resolve))

describe("createBatchingQueue priorities", () => {
  it("sends urgent items before queued normal ones, in their own batch", async () => {
    const test = harness({ maxConcurrentBatches: 1, maxBatchSize: 10 })
    test.enqueue(10, false)
    await settle()
    test.enqueue(25, false)
    test.enqueue(3, true)
    await settle()
    // The single normal slot is busy, so the urgent batch took the extra slot at once.
    expect(test.open.map((batch) => [batch.urgent, batch.items.length])).toEqual([
      [false, 10],
      [true, 3],
    ])
    expect(test.queue.queued).toBe(25)
    expect(test.queue.queuedUrgent).toBe(0)
    // Urgent items arriving while the extra slot is busy jump the 25 waiting normal items.
    test.enqueue(2, true)
    await settle()
    expect(test.queue.queuedUrgent).toBe(2)
    test.open[0]?.finish()
    await settle()
    expect(test.open.map((batch) => [batch.urgent, batch.items.length])).toEqual([
      [true, 3],
      [true, 2],
    ])
    expect(test.queue.inFlightUrgent).toBe(2)
    // Normal batches resume only when the slots free up, never beyond the limit.
    test.open[0]?.finish()
    await settle()
    expect(test.open.map((batch) => batch.urgent)).toEqual([true, false])
    test.open[0]?.finish()
    await settle()
    expect(test.open.map((batch) => batch.urgent)).toEqual([false])
    expect(test.violations).toEqual([])
  })

  it("never lets normal batches use the extra slot", async () => {
    const test = harness({ maxConcurrentBatches: 4, maxBatchSize: 5 })
    test.enqueue(100, false)
    await settle()
    expect(test.queue.inFlight).toBe(4)
    expect(test.queue.inFlightUrgent).toBe(0)
    expect(test.queue.queued).toBe(80)
  })

  it("holds at most maxConcurrentBatches + 1 in flight however many urgent items wait", async () => {
    const test = harness({ maxConcurrentBatches: 2, maxBatchSize: 1 })
    test.enqueue(6, true)
    test.enqueue(6, false)
    await settle()
    // Urgent items may take every slot, the normal ones and the extra one.
    expect(test.open.map((batch) => batch.urgent)).toEqual([true, true, true])
    expect(test.queue).toMatchObject({ inFlight: 3, inFlightUrgent: 3, queued: 9, queuedUrgent: 3 })
  })

  it("keeps groups apart and serves them round-robin in the urgent lane too", async () => {
    const test = harness({ maxConcurrentBatches: 1, maxBatchSize: 2 })
    test.enqueue(1, false, "a")
    await settle()
    test.enqueue(3, true, "a")
    test.enqueue(1, true, "b")
    await settle()
    for (let round = 0; round < 4; round += 1) {
      test.open.find((batch) => batch.urgent)?.finish()
      await settle()
    }
    const urgentBatches = test.sent.filter((batch) => batch.urgent)
    expect(urgentBatches.map((batch) => [batch.group, batch.items.length])).toEqual([
      ["a", 2],
      ["b", 1],
      ["a", 1],
    ])
    for (const batch of test.sent) expect(batch.items.every((item) => item.group === batch.group)).toBe(true)
  })

  it("keeps urgent slots of its own: hung normal batches and one hung urgent batch never block the next urgent one", async () => {
    const test = harness({ maxConcurrentBatches: 2, maxBatchSize: 1, urgentSlots: 2 })
    test.enqueue(5, false)
    await settle()
    test.enqueue(1, true)
    await settle()
    test.enqueue(1, true)
    await settle()
    // Two normal batches and one urgent batch hang; the next urgent call still goes out at once.
    expect(test.open.map((batch) => batch.urgent)).toEqual([false, false, true, true])
    expect(test.queue).toMatchObject({ inFlightUrgent: 2, queuedUrgent: 0, queued: 3 })
    expect(test.violations).toEqual([])
  })

  it("coalesces urgent items of one tick into one batch", async () => {
    const test = harness({ maxConcurrentBatches: 4 })
    test.enqueue(7, true)
    await settle()
    expect(test.sent.map((batch) => batch.items.length)).toEqual([7])
  })

  it("keeps the in-flight limits and sends every item exactly once under random interleavings", async () => {
    const command = fc.oneof(
      fc.record({
        kind: fc.constant("enqueue" as const),
        count: fc.integer({ min: 1, max: 12 }),
        urgent: fc.boolean(),
        group: fc.constantFrom("a", "b", "c"),
      }),
      fc.record({ kind: fc.constant("finish" as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant("tick" as const) }),
    )
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(command, { maxLength: 40 }),
        fc.integer({ min: 1, max: 3 }),
        async (maxConcurrentBatches, maxBatchSize, commands, urgentSlots) => {
          const test = harness({ maxConcurrentBatches, maxBatchSize, urgentSlots })
          const check = () => {
            const urgentInFlight = test.open.filter((batch) => batch.urgent).length
            expect(test.open.length).toBeLessThanOrEqual(maxConcurrentBatches + urgentSlots)
            expect(test.open.length - urgentInFlight).toBeLessThanOrEqual(maxConcurrentBatches)
            expect(test.queue.inFlight).toBe(test.open.length)
            expect(test.queue.inFlightUrgent).toBe(urgentInFlight)
          }
          /** After a flush nothing waits that a free slot could take. */
          const checkWorkConserving = () => {
            const normalInFlight = test.queue.inFlight - test.queue.inFlightUrgent
            const full = test.queue.inFlight === maxConcurrentBatches + urgentSlots
            if (test.queue.queuedUrgent > 0)
              expect(
                test.queue.inFlightUrgent >= urgentSlots && test.queue.inFlight > maxConcurrentBatches,
              ).toBe(true)
            if (test.queue.queued > test.queue.queuedUrgent)
              expect(full || normalInFlight === maxConcurrentBatches).toBe(true)
          }
          // Steps between two ticks run in one macrotask, so enqueues mix with finished batches'
          // follow-up pumps (microtasks) before the tick's flush.
          for (const step of commands) {
            if (step.kind === "enqueue") test.enqueue(step.count, step.urgent, step.group)
            else if (step.kind === "finish") test.open[step.pick % Math.max(1, test.open.length)]?.finish()
            else {
              await settle()
              check()
              checkWorkConserving()
            }
            await Promise.resolve()
          }
          await settle()
          check()
          checkWorkConserving()
          while (test.open.length > 0) {
            test.open[0]?.finish()
            await settle()
            check()
          }
          expect(test.queue).toMatchObject({ queued: 0, inFlight: 0 })
          expect(test.violations).toEqual([])
          const sentIds = test.sent.flatMap((batch) => batch.items.map((item) => item.id))
          expect(sentIds.sort((left, right) => left - right)).toEqual(
            Array.from({ length: test.enqueued }, (_, index) => index),
          )
          for (const batch of test.sent) {
            expect(batch.items.length).toBeGreaterThan(0)
            expect(batch.items.length).toBeLessThanOrEqual(maxBatchSize)
            expect(
              batch.items.every((item) => item.group === batch.group && item.urgent === batch.urgent),
            ).toBe(true)
          }
        },
      ),
      { numRuns: 200 },
    )
  })
})
