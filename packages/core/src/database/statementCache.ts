import type Database from "better-sqlite3"
import type { SqliteDatabase } from "kysely"

/** Distinct SELECT texts kept prepared; `IN (?, ?, …)` lists of many lengths stay bounded. */
const cachedStatementLimit = 256

const selectStatement = /^\s*(?:select|with)\b/i
const schemaChange = /^\s*(?:create|alter|drop)\b/i

/**
 * better-sqlite3 as Kysely's SQLite database, with SELECT statements prepared once per SQL text:
 * Kysely's driver prepares every query anew (an SQL compile per task read, ~1.5 % of the main
 * job's CPU). A schema change (migrations) drops the kept statements. Statements run one at a
 * time (Kysely's single connection is serialised), so a kept statement is never busy.
 *
 * @example
 * const db = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) })
 */
export function withStatementCache(raw: Database.Database): SqliteDatabase {
  const statements = new Map<string, Database.Statement>()
  return {
    close: () => {
      statements.clear()
      raw.close()
    },
    prepare(sql) {
      if (!selectStatement.test(sql)) {
        if (schemaChange.test(sql)) statements.clear()
        return raw.prepare(sql)
      }
      let statement = statements.get(sql)
      if (statement === undefined) {
        if (statements.size >= cachedStatementLimit) statements.clear()
        statement = raw.prepare(sql)
        statements.set(sql, statement)
      }
      return statement
    },
  }
}
