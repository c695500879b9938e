/**
 * Nearest-rank percentile of an ascending sorted list (computed in JS so both SQLite and
 * PostgreSQL give identical numbers). Returns undefined for an empty list.
 *
 * @example
 * percentile([1, 2, 3, 4], 50) // 2
 * percentile([1, 2, 3, 4], 95) // 4
 */
export function percentile(sorted: readonly number[], percent: number): number | undefined {
  if (sorted.length === 0) return undefined
  const rank = Math.ceil((percent / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]
}

/**
 * Groups rows by a key, keeping the rows' order (queries fetch them sorted by value).
 *
 * @example
 * groupBy([{ k: "a", v: 1 }], (row) => row.k) // Map { "a" => [{ k: "a", v: 1 }] }
 */
export function groupBy<Row, Key>(rows: readonly Row[], key: (row: Row) => Key): Map<Key, Row[]> {
  const groups = new Map<Key, Row[]>()
  for (const row of rows) {
    const group = groups.get(key(row))
    if (group === undefined) groups.set(key(row), [row])
    else group.push(row)
  }
  return groups
}
