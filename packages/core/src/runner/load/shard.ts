/**
 * Shards: several machines run one plan against one shared database, each with a disjoint slice of
 * the wallet set. Wallets are dealt round-robin (wallet i belongs to shard i mod COUNT), so every
 * shard gets almost the same number of wallets and adding keys at the end of a source moves none.
 */

/**
 * This machine's slice of a multi-machine run: shard `index` of `count`, 1-based.
 *
 * @example
 * const shard: RunShard = { index: 2, count: 4 } // the second of four machines
 */
export type RunShard = { readonly index: number; readonly count: number }

/**
 * Whether item `position` (0-based) belongs to the shard (round-robin).
 *
 * @example
 * [0, 1, 2, 3, 4].filter((position) => isInShard(position, { index: 2, count: 2 })) // [1, 3]
 */
export function isInShard(position: number, shard: RunShard): boolean {
  return position % shard.count === shard.index - 1
}

/**
 * The shard's items, in their original order. Throws on an invalid shard (a bug: the CLI validates).
 *
 * @example
 * selectShard(["a", "b", "c", "d", "e"], { index: 1, count: 2 }) // ["a", "c", "e"]
 */
export function selectShard<T>(items: readonly T[], shard: RunShard): T[] {
  if (
    !Number.isInteger(shard.index) ||
    !Number.isInteger(shard.count) ||
    shard.count < 1 ||
    shard.index < 1 ||
    shard.index > shard.count
  )
    throw new Error(`invalid shard ${shard.index}/${shard.count}`)
  return items.filter((_item, position) => isInShard(position, shard))
}

/**
 * The shard as stored in the `runs.shard` column: `"INDEX/COUNT"`.
 *
 * @example
 * formatShard({ index: 2, count: 4 }) // "2/4"
 */
export function formatShard(shard: RunShard): string {
  return `${shard.index}/${shard.count}`
}
