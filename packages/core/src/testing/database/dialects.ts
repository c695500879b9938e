import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { DatabaseDialect } from "../../database/migrations.js"
import { startTestPostgres, type TestPostgres } from "./postgresServer.js"

/**
 * Hands out fresh database URLs of one dialect to a test file: SQLite files in a temporary
 * directory, or new databases on a PostgreSQL server started for the file.
 *
 * @example
 * const target = createTestTarget("sqlite")
 * beforeAll(target.start); afterAll(target.stop)
 * const url = await target.newUrl()
 */
export type TestTarget = {
  dialect: DatabaseDialect
  start(): Promise<void>
  stop(): Promise<void>
  newUrl(): Promise<string>
}

/**
 * Creates a {@link TestTarget}.
 *
 * @example
 * describe.each(["sqlite", "postgres"] as const)("%s", (dialect) => { const target = createTestTarget(dialect) })
 */
export function createTestTarget(dialect: DatabaseDialect): TestTarget {
  let directory: string | undefined
  let server: TestPostgres | undefined
  let counter = 0
  return {
    dialect,
    async start() {
      if (dialect === "sqlite") directory = mkdtempSync(join(tmpdir(), "testnet-sqlite-"))
      else server = await startTestPostgres()
    },
    async stop() {
      if (directory !== undefined) rmSync(directory, { recursive: true, force: true })
      await server?.stop()
    },
    async newUrl() {
      counter++
      if (dialect === "sqlite") return join(directory ?? tmpdir(), `test-${counter}`, "testnet.db")
      if (server === undefined) throw new Error("start() the test target first")
      return server.createDatabase(`test_${counter}`)
    },
  }
}

/**
 * Both dialects, for `describe.each`.
 *
 * @example
 * describe.each(bothDialects)("queries on %s", (dialect) => { … })
 */
export const bothDialects: readonly DatabaseDialect[] = ["sqlite", "postgres"]
