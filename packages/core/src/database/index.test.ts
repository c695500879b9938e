import { expect, it } from "vitest"
import * as database from "./index.js"

it("exports the database API (review changes to this list)", () => {
  expect(Object.keys(database).sort()).toMatchInlineSnapshot(`
    [
      "DatabaseBusyError",
      "DatabaseConstraintError",
      "DatabaseError",
      "DatabaseMigrationError",
      "DatabaseOpenError",
      "DatabaseSchemaTooNewError",
      "DatabaseWriteError",
      "SCHEMA_VERSION",
      "createMigrationProvider",
      "createRecorder",
      "getMigrations",
      "getSchemaVersion",
      "isPostgresUrl",
      "migrateDatabase",
      "openDatabase",
      "percentile",
      "sanitizeConfig",
    ]
  `)
})
