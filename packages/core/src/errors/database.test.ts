import { describe, expect, it } from "vitest"
import { BaseError } from "./base.js"
import {
  DatabaseBusyError,
  DatabaseConstraintError,
  DatabaseError,
  DatabaseMigrationError,
  DatabaseOpenError,
  DatabaseSchemaTooNewError,
  DatabaseWriteError,
} from "./database.js"

const driverError = Object.assign(new Error("UNIQUE constraint failed: transactions.hash"), {
  code: "SQLITE_CONSTRAINT_PRIMARYKEY",
})

describe("database errors", () => {
  it("DatabaseOpenError", () => {
    const error = new DatabaseOpenError({
      target: "postgres://bob:***@127.0.0.1:5432/testnet",
      reason: "the server is unreachable",
      hint: "Check that PostgreSQL runs and listens on that host and port.",
      cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
    })
    expect(error.code).toBe("DATABASE_OPEN_FAILED")
    expect(error.message).toMatchInlineSnapshot(`
      "Could not open the database postgres://bob:***@127.0.0.1:5432/testnet: the server is unreachable.

      Check that PostgreSQL runs and listens on that host and port.

      Details: connect ECONNREFUSED 127.0.0.1:5432"
    `)
  })

  it("DatabaseMigrationError", () => {
    const error = new DatabaseMigrationError({
      target: "./data/tempo.db",
      migration: "0001_initial",
      cause: new Error("disk I/O error"),
    })
    expect(error.code).toBe("DATABASE_MIGRATION_FAILED")
    expect(error.message).toMatchInlineSnapshot(`
      "The database migration 0001_initial failed on ./data/tempo.db.

      The failed migration was rolled back; the database is at the last successful version.
      Check that no other tool changed the tables, or point --db at a new file.

      Details: disk I/O error"
    `)
  })

  it("DatabaseConstraintError", () => {
    const error = new DatabaseConstraintError({
      target: ":memory:",
      table: "transactions",
      cause: driverError,
    })
    expect(error.code).toBe("DATABASE_CONSTRAINT_VIOLATION")
    expect(error.message).toMatchInlineSnapshot(`
      "A write to transactions violated a constraint in :memory:.

      The rows were kept in the recorder's dead-letter list (see recorder.stats()).

      Details: SQLITE_CONSTRAINT_PRIMARYKEY: UNIQUE constraint failed: transactions.hash"
    `)
  })

  it("DatabaseBusyError", () => {
    const error = new DatabaseBusyError({ target: "./data/tempo.db", timeoutMs: 5000 })
    expect(error.code).toBe("DATABASE_BUSY")
    expect(error.message).toMatchInlineSnapshot(`
      "The database ./data/tempo.db is locked by another process.

      Stop the other process that uses this file (another run, a DB browser with an open write transaction),
      or give this run its own file with --db.

      Details: waited 5000 ms (busy timeout)"
    `)
  })

  it("DatabaseSchemaTooNewError", () => {
    const error = new DatabaseSchemaTooNewError({
      target: "./data/tempo.db",
      databaseVersion: 7,
      codeVersion: 1,
    })
    expect(error.code).toBe("DATABASE_SCHEMA_TOO_NEW")
    expect(error.message).toMatchInlineSnapshot(`
      "The database ./data/tempo.db has schema version 7, newer than this tool's 1.

      Upgrade the tool, or point --db at another file or database."
    `)
  })

  it("DatabaseWriteError", () => {
    const error = new DatabaseWriteError({
      target: ":memory:",
      operation: "flush 500 row(s)",
      cause: Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" }),
    })
    expect(error.code).toBe("DATABASE_WRITE_FAILED")
    expect(error.message).toMatchInlineSnapshot(`
      "The database operation "flush 500 row(s)" failed on :memory:.

      Check free disk space and that the database server is reachable.

      Details: SQLITE_FULL: database or disk is full"
    `)
  })

  it("are DatabaseErrors and BaseErrors with their own names", () => {
    const errors = [
      new DatabaseBusyError({ target: "x", timeoutMs: 1 }),
      new DatabaseSchemaTooNewError({ target: "x", databaseVersion: 2, codeVersion: 1 }),
    ]
    for (const error of errors) {
      expect(error).toBeInstanceOf(DatabaseError)
      expect(BaseError.isInstance(error)).toBe(true)
      expect(error.target).toBe("x")
    }
    expect(errors.map((error) => error.name)).toEqual(["DatabaseBusyError", "DatabaseSchemaTooNewError"])
  })
})
