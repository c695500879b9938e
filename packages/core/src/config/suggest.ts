/**
 * The candidate closest to a misspelt name, for "did you mean" hints; undefined when nothing
 * is close enough. Case and `_`/`-` differences are ignored (so `targetTps` finds
 * `target_tps`), and a swap of two neighbouring letters counts as one edit. The default limit
 * is a third of the name's length, at least 2.
 *
 * @example
 * suggestClosest("rpc_url", ["rpc_urls", "chain_id"]) // "rpc_urls"
 * suggestClosest("banana", ["rpc_urls"]) // undefined
 * suggestClosest("TARGET_TSP", ["TARGET_TPS"], { maxDistance: 1 }) // "TARGET_TPS"
 */
export function suggestClosest(
  name: string,
  candidates: readonly string[],
  options: { maxDistance?: number } = {},
): string | undefined {
  const normalized = normalize(name)
  let best: { candidate: string; distance: number } | undefined
  for (const candidate of candidates) {
    const distance = editDistance(normalized, normalize(candidate))
    if (best === undefined || distance < best.distance) best = { candidate, distance }
  }
  const limit = options.maxDistance ?? Math.max(2, Math.ceil(name.length / 3))
  return best !== undefined && best.distance <= limit ? best.candidate : undefined
}

function normalize(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, "")
}

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
function editDistance(left: string, right: string): number {
  const rows = Array.from({ length: left.length + 1 }, (_, i) =>
    Array.from({ length: right.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY
  for (let i = 1; i <= left.length; i++) {
    const row = rows[i] ?? []
    for (let j = 1; j <= right.length; j++) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1
      let distance = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost)
      if (i > 1 && j > 1 && left[i - 1] === right[j - 2] && left[i - 2] === right[j - 1]) {
        distance = Math.min(distance, at(i - 2, j - 2) + 1)
      }
      row[j] = distance
    }
  }
  return at(left.length, right.length)
}
