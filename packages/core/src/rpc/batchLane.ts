/**
 * Items waiting for a batch, split by group (items of different groups never share a batch).
 * Internal to the batching queue: it keeps one lane per priority.
 *
 * @example
 * const lane = createBatchLane<Call>()
 * lane.push(call, call.dispatcher)
 * const next = lane.take(100) // { group, items } or undefined
 */
export type BatchLane<Item> = {
  push(item: Item, group: unknown): void
  /** Up to `maxBatchSize` items of the group at the front; that group then goes to the back. */
  take(maxBatchSize: number): { group: unknown; items: Item[] } | undefined
  /** Items waiting in this lane. */
  readonly size: number
}

/**
 * Creates an empty {@link BatchLane}. Groups are served round-robin so one busy proxy
 * cannot starve the others.
 *
 * @example
 * const lane = createBatchLane<string>()
 * lane.push("a", "proxy-1")
 * lane.take(10) // { group: "proxy-1", items: ["a"] }
 */
export function createBatchLane<Item>(): BatchLane<Item> {
  // A Map keeps insertion order: re-inserting a group moves it to the back of the line.
  const groups = new Map<unknown, Item[]>()
  let size = 0
  return {
    push(item, group) {
      const items = groups.get(group)
      if (items === undefined) groups.set(group, [item])
      else items.push(item)
      size += 1
    },
    take(maxBatchSize) {
      const front = groups.entries().next()
      if (front.done === true) return undefined
      const [group, waiting] = front.value
      const items = waiting.splice(0, maxBatchSize)
      size -= items.length
      groups.delete(group)
      if (waiting.length > 0) groups.set(group, waiting)
      return { group, items }
    },
    get size() {
      return size
    },
  }
}
