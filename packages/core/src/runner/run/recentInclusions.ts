// Which of the last blocks included a transaction, from the block feed's headers (which list every
// hash anyway): a task waiting for a transaction the run does not track (a faucet's, a task-local
// key's) asks for its receipt once, when a block has it, instead of once per block.

/**
 * The transaction hashes of the last `keepBlocks` blocks the run processed, by hash.
 *
 * @example
 * const inclusions = createRecentInclusions(16)
 * inclusions.record(5n, ["0xab…"])
 * inclusions.blockOf("0xAB…") // 5n
 */
export function createRecentInclusions(keepBlocks: number) {
  const blockOfHash = new Map<string, bigint>()
  const kept: { readonly number: bigint; readonly hashes: readonly string[] }[] = []
  return {
    /** A processed block and its transaction hashes (as the node spells them: lower case). */
    record(number: bigint, hashes: readonly string[]): void {
      for (const hash of hashes) blockOfHash.set(hash, number)
      kept.push({ number, hashes })
      while (kept.length > keepBlocks) {
        const oldest = kept.shift()
        if (oldest === undefined) break
        for (const hash of oldest.hashes)
          if (blockOfHash.get(hash) === oldest.number) blockOfHash.delete(hash)
      }
    },
    /** The block that included `hash`, among the kept ones; undefined when not seen. */
    blockOf(hash: string): bigint | undefined {
      return blockOfHash.get(hash) ?? blockOfHash.get(hash.toLowerCase())
    },
  }
}
