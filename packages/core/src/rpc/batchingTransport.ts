import { type BatchLane, createBatchLane } from "./batchLane.js"

/**
 * Options of {@link createBatchingQueue}.
 *
 * @example
 * const options: BatchingQueueOptions<Call> = { maxBatchSize: 100, batchWaitMs: 0, maxConcurrentBatches: 4,
 *   groupOf: () => undefined, isUrgent: (call) => call.priority === "high", sendBatch }
 */
export type BatchingQueueOptions<Item> = {
  /** Largest batch handed to `sendBatch`. */
  maxBatchSize: number
  /** 0 = flush at the end of the current tick (setImmediate); > 0 = wait this long to collect more. */
  batchWaitMs: number
  /** Batches of normal items in flight at once; further items wait and join later, larger batches. */
  maxConcurrentBatches: number
  /** Items with different keys never share a batch (e.g. different proxy dispatchers). */
  groupOf(item: Item): unknown
  /**
   * Urgent items (e.g. the receipt tracker's head polls) never wait behind normal ones: they are
   * batched apart, served first, and have `urgentSlots` in-flight slots of their own that normal
   * batches never take. Default: nothing is urgent.
   */
  isUrgent?(item: Item): boolean
  /**
   * In-flight slots reserved for urgent batches (default 2): hung or slow normal batches (and
   * one hung urgent batch) never hold back the next urgent one.
   */
  urgentSlots?: number
  /** Sends one batch; must settle every item itself and never reject. */
  sendBatch(items: Item[], group: unknown): Promise<void>
}

/**
 * A queue that turns items enqueued close together into batches.
 *
 * @example
 * const queue: BatchingQueue<Call> = createBatchingQueue(options)
 * queue.enqueue(call)
 * console.log(queue.queued, queue.queuedUrgent, queue.inFlight)
 */
export type BatchingQueue<Item> = {
  enqueue(item: Item): void
  /** Items waiting for a batch slot (urgent ones included). */
  readonly queued: number
  /** Urgent items waiting for a batch slot. */
  readonly queuedUrgent: number
  /** Batches being sent (urgent ones included). */
  readonly inFlight: number
  /** Urgent batches being sent. */
  readonly inFlightUrgent: number
}

/**
 * Coalesces items enqueued in the same tick (or within `batchWaitMs`) into batches of up to
 * `maxBatchSize`, with at most `maxConcurrentBatches` normal batches in flight. While all slots
 * are busy the queue keeps filling, so batches grow with load instead of requests piling up —
 * the behaviour the baseline measured as best for anvil (2–4 batches of 50–200 in flight).
 * Groups are served round-robin.
 *
 * Urgent items (`isUrgent`) form their own batches, are served before any normal item, may use
 * an idle normal slot, and always have `urgentSlots` slots of their own: normal batches in
 * flight ≤ `maxConcurrentBatches`, all batches in flight ≤ `maxConcurrentBatches + urgentSlots`.
 * So a full (or hung) send backlog delays an urgent call by at most the wait for the next tick.
 *
 * @example
 * const queue = createBatchingQueue({ maxBatchSize: 100, batchWaitMs: 0, maxConcurrentBatches: 4,
 *   groupOf: () => "default", isUrgent: (call) => call.method === "eth_blockNumber",
 *   sendBatch: async (items) => { await post(items) } })
 * queue.enqueue(call)
 */
export function createBatchingQueue<Item>(options: BatchingQueueOptions<Item>): BatchingQueue<Item> {
  const maxBatchSize = Math.max(1, Math.floor(options.maxBatchSize))
  const maxConcurrentBatches = Math.max(1, Math.floor(options.maxConcurrentBatches))
  const urgentSlots = Math.max(1, Math.floor(options.urgentSlots ?? 2))
  const urgent = createBatchLane<Item>()
  const normal = createBatchLane<Item>()
  let inFlightUrgent = 0
  let inFlightNormal = 0
  let flushScheduled = false

  /** The lane that may start a batch now (urgent first), or undefined while none may. */
  function laneToServe(): BatchLane<Item> | undefined {
    const total = inFlightUrgent + inFlightNormal
    const slots = maxConcurrentBatches + urgentSlots
    // Urgent batches may take any free slot; normal ones never the last `urgentSlots`.
    if (urgent.size > 0 && total < slots) return urgent
    if (normal.size > 0 && inFlightNormal < maxConcurrentBatches && total < slots) return normal
    return undefined
  }

  function pump(): void {
    for (let lane = laneToServe(); lane !== undefined; lane = laneToServe()) {
      const isUrgent = lane === urgent
      const batch = lane.take(maxBatchSize)
      if (batch === undefined) return
      if (isUrgent) inFlightUrgent += 1
      else inFlightNormal += 1
      options
        .sendBatch(batch.items, batch.group)
        .catch(() => undefined)
        .finally(() => {
          if (isUrgent) inFlightUrgent -= 1
          else inFlightNormal -= 1
          pump()
        })
    }
  }

  function scheduleFlush(): void {
    if (flushScheduled) return
    flushScheduled = true
    const flush = () => {
      flushScheduled = false
      pump()
    }
    if (options.batchWaitMs > 0) setTimeout(flush, options.batchWaitMs)
    else setImmediate(flush)
  }

  return {
    enqueue(item) {
      const lane = options.isUrgent?.(item) === true ? urgent : normal
      lane.push(item, options.groupOf(item))
      scheduleFlush()
    },
    get queued() {
      return urgent.size + normal.size
    },
    get queuedUrgent() {
      return urgent.size
    },
    get inFlight() {
      return inFlightUrgent + inFlightNormal
    },
    get inFlightUrgent() {
      return inFlightUrgent
    },
  }
}
