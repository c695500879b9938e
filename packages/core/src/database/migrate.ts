import { type Kysely, Migrator } from "kysely"
import {
  DatabaseBusyError,
  DatabaseMigrationError,
  DatabaseSchemaTooNewError,
  DatabaseWriteError,
} from "../errors/database.js"
import { Err, Ok, type Result } from "../result.js"
import { isBusyError } from "./classifyError.js"
import { createMigrationProvider, type DatabaseDialect, SCHEMA_VERSION } from "./migrations.js"
import type { DatabaseSchema } from "./schema.js"

/**
 * Reads the stored schema version: 0 for a new database (no `schema_version` table yet).
 *
 * @example
 * const version = await getSchemaVersion(db) // 1
 */
export async function getSchemaVersion(db: Kysely<DatabaseSchema>): Promise<number> {
  const tables = await db.introspection.getTables()
  if (!tables.some((table) => table.name === "schema_version")) return 0
  const row = await db
    .selectFrom("schema_version")
    .select("version")
    .orderBy("version", "desc")
    .executeTakeFirst()
  return row === undefined ? 0 : Number(row.version)
}

/**
 * Refuses a database written by a newer tool, then applies the missing migrations (each in a
 * transaction, under Kysely's migration lock, so two processes starting at once are safe).
 *
 * @example
 * const migrated = await migrateDatabase(db, { dialect: "sqlite", target: "./data/tempo.db", busyTimeoutMs: 5000 })
 */
export async function migrateDatabase(
  db: Kysely<DatabaseSchema>,
  context: { dialect: DatabaseDialect; target: string; busyTimeoutMs: number },
): Promise<
  Result<number, DatabaseSchemaTooNewError | DatabaseMigrationError | DatabaseBusyError | DatabaseWriteError>
> {
  // Several processes may open the same new database at once. SQLite then refuses all but one
  // writer with SQLITE_BUSY(_SNAPSHOT) at once, without waiting: retry (re-reading the version,
  // so the losers find the schema migrated) until the busy timeout is spent.
  const deadline = Date.now() + context.busyTimeoutMs
  for (;;) {
    const attempt = await migrateOnce(db, context)
    if (attempt.isOk() || attempt.error.name !== "DatabaseBusyError" || Date.now() >= deadline) return attempt
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80))
  }
}

async function migrateOnce(
  db: Kysely<DatabaseSchema>,
  context: { dialect: DatabaseDialect; target: string; busyTimeoutMs: number },
): Promise<
  Result<number, DatabaseSchemaTooNewError | DatabaseMigrationError | DatabaseBusyError | DatabaseWriteError>
> {
  let stored: number
  try {
    stored = await getSchemaVersion(db)
  } catch (cause) {
    if (isBusyError(cause)) {
      return Err(new DatabaseBusyError({ target: context.target, timeoutMs: context.busyTimeoutMs, cause }))
    }
    return Err(
      new DatabaseWriteError({ target: context.target, operation: "read the schema version", cause }),
    )
  }
  if (stored > SCHEMA_VERSION) {
    return Err(
      new DatabaseSchemaTooNewError({
        target: context.target,
        databaseVersion: stored,
        codeVersion: SCHEMA_VERSION,
      }),
    )
  }
  const migrator = new Migrator({ db, provider: createMigrationProvider(context.dialect) })
  const { error, results } = await migrator.migrateToLatest()
  if (error !== undefined) {
    if (isBusyError(error)) {
      return Err(
        new DatabaseBusyError({ target: context.target, timeoutMs: context.busyTimeoutMs, cause: error }),
      )
    }
    const failed = results?.find((result) => result.status === "Error")?.migrationName
    return Err(new DatabaseMigrationError({ target: context.target, migration: failed, cause: error }))
  }
  return Ok(SCHEMA_VERSION)
}
