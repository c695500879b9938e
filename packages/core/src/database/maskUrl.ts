/**
 * True when the database setting names a PostgreSQL server rather than a SQLite file.
 *
 * @example
 * isPostgresUrl("postgres://user@db:5432/testnet") // true
 * isPostgresUrl("./data/tempo.db") // false
 */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url.trim())
}
