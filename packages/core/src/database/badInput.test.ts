import { type ChildProcess, spawn } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import Database from "better-sqlite3"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { bothDialects, createTestTarget } from "../testing/database/dialects.js"
import { SCHEMA_VERSION } from "./migrations.js"
import { openDatabase } from "./openDatabase.js"

let directory: string
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), "testnet-bad-input-"))
})
afterAll(() => rmSync(directory, { recursive: true, force: true }))

/** Starts another process that opens `path` and holds a lock until killed. */
async function holdLock(path: string, statements: string[]): Promise<ChildProcess> {
  const script = `
    const Database = require(${JSON.stringify(require.resolve("better-sqlite3"))})
    const db = new Database(${JSON.stringify(path)})
    for (const statement of ${JSON.stringify(statements)}) db.exec(statement)
    process.stdout.write("locked\\n")
    setInterval(() => {}, 1000)
  `
  const child = spawn(process.execPath, ["-e", script], { stdio: ["ignore", "pipe", "inherit"] })
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => chunk.toString().includes("locked") && resolve())
    child.once("exit", (code) => reject(new Error(`lock holder exited with ${code}`)))
  })
  return child
}

function stop(child: ChildProcess | undefined) {
  if (child?.pid !== undefined && child.exitCode === null) process.kill(child.pid, "SIGKILL")
}

describe("bad database inputs", () => {
  it("reports an unwritable path with the path and what to do", async () => {
    const file = join(directory, "a-file")
    writeFileSync(file, "")
    const opened = await openDatabase({ url: join(file, "sub", "tempo.db") })
    expect(opened.isErr()).toBe(true)
    const error = opened.isErr() ? opened.error : undefined
    expect(error?.name).toBe("DatabaseOpenError")
    expect(error?.code).toBe("DATABASE_OPEN_FAILED")
    expect(error?.shortMessage).toContain(join(file, "sub", "tempo.db"))
    expect(error?.metaMessages.join(" ")).toMatch(/writable directory/)
  })

  it("reports a file that is not a SQLite database", async () => {
    const file = join(directory, "not-a-database.db")
    writeFileSync(file, "this is a text file, not a database\n".repeat(200))
    const opened = await openDatabase({ url: file })
    const error = opened.isErr() ? opened.error : undefined
    expect(error?.name).toBe("DatabaseOpenError")
    expect(error?.shortMessage).toBe(
      `Could not open the database ${file}: the file is not a SQLite database (or is corrupted).`,
    )
    expect(error?.metaMessages[0]).toMatch(/Move the file away/)
  })

  it("reports a database locked by another process once the busy timeout is exceeded (at open)", async () => {
    const file = join(directory, "locked-at-open.db")
    let holder: ChildProcess | undefined
    try {
      holder = await holdLock(file, [
        "PRAGMA journal_mode = DELETE",
        "CREATE TABLE t (x)",
        "BEGIN EXCLUSIVE",
        "INSERT INTO t VALUES (1)",
      ])
      const started = Date.now()
      const opened = await openDatabase({ url: file, busyTimeoutMs: 300 })
      expect(Date.now() - started).toBeGreaterThanOrEqual(250)
      const error = opened.isErr() ? opened.error : undefined
      expect(error?.name).toBe("DatabaseBusyError")
      expect(error?.code).toBe("DATABASE_BUSY")
      expect(error?.message).toContain(file)
      expect(error?.details).toBe("waited 300 ms (busy timeout)")
    } finally {
      stop(holder)
    }
  })

  it("returns DatabaseBusyError from a journal write while another process holds the write lock", async () => {
    const file = join(directory, "locked-at-write.db")
    ;(await (await openDatabase({ url: file })).unwrap().close()).unwrap()
    const manager = (await openDatabase({ url: file, busyTimeoutMs: 200 })).unwrap()
    let holder: ChildProcess | undefined
    try {
      holder = await holdLock(file, ["BEGIN IMMEDIATE", "DELETE FROM runs"])
      const result = await manager.recorder.journalTransactions([
        {
          hash: "0x01",
          runId: "r",
          chainId: 1,
          wallet: "0x02",
          nonceKey: 0n,
          nonce: 0n,
          task: "t",
          sentAt: 1,
        },
      ])
      expect(result.isErr() && result.error.name).toBe("DatabaseBusyError")
    } finally {
      stop(holder)
      await manager.close()
    }
  })

  it("reports an unreachable PostgreSQL server with the password masked", async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const address = server.address()
        server.close(() => resolve(typeof address === "object" && address !== null ? address.port : 1))
      })
    })
    const opened = await openDatabase({
      url: `postgres://bob:hunter2@127.0.0.1:${port}/testnet`,
      connectTimeoutMs: 2000,
    })
    const error = opened.isErr() ? opened.error : undefined
    expect(error?.name).toBe("DatabaseOpenError")
    expect(error?.shortMessage).toBe(
      `Could not open the database postgres://***:***@127.0.0.1:${port}/testnet: the server is unreachable.`,
    )
    expect(JSON.stringify(error?.toJSON())).not.toContain("hunter2")
    expect(error?.message).not.toContain("hunter2")
  })
})

async function tableExists(url: string, table: string): Promise<boolean> {
  if (!url.startsWith("postgres")) {
    const reader = new Database(url, { readonly: true })
    const row = reader.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?").get(table)
    reader.close()
    return row !== undefined
  }
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const result = await client.query<{ found: string | null }>("SELECT to_regclass($1)::text AS found", [
    table,
  ])
  await client.end()
  return result.rows[0]?.found !== null
}

describe.each(bothDialects)("schema version on %s", (dialect) => {
  const target = createTestTarget(dialect)
  beforeAll(() => target.start())
  afterAll(() => target.stop())

  it("refuses a database whose schema is newer than the code", async () => {
    const url = await target.newUrl()
    const manager = (await openDatabase({ url })).unwrap()
    await manager.db
      .updateTable("schema_version")
      .set({ version: SCHEMA_VERSION + 5 })
      .execute()
    ;(await manager.close()).unwrap()
    const reopened = await openDatabase({ url })
    const error = reopened.isErr() ? reopened.error : undefined
    expect(error?.name).toBe("DatabaseSchemaTooNewError")
    expect(error?.shortMessage).toContain(
      `schema version ${SCHEMA_VERSION + 5}, newer than this tool's ${SCHEMA_VERSION}`,
    )
  })

  it("reports a failed migration (a foreign table in the way) and leaves no half-applied schema", async () => {
    const url = await target.newUrl()
    const manager = (await openDatabase({ url })).unwrap()
    // Simulate another tool's database: drop our tables and create a clashing "runs".
    for (const table of [
      "created_assets",
      "created_contracts",
      "transactions",
      "task_metrics",
      "runs",
      "schema_version",
    ]) {
      await manager.db.schema.dropTable(table).execute()
    }
    await manager.db.schema.dropTable("kysely_migration").execute()
    await manager.db.schema.createTable("runs").addColumn("other", "text").execute()
    ;(await manager.close()).unwrap()

    const reopened = await openDatabase({ url })
    const error = reopened.isErr() ? reopened.error : undefined
    expect(error?.name).toBe("DatabaseMigrationError")
    expect(error?.shortMessage).toContain("migration 0001_initial failed")
    expect(error?.details).toMatch(/runs/)
    // The migration ran in one transaction: nothing of it is left behind.
    expect(await tableExists(url, "schema_version")).toBe(false)
  })

  it("reopens an up-to-date database without migrating again", async () => {
    const url = await target.newUrl()
    const first = (await openDatabase({ url })).unwrap()
    ;(await first.createRun({ chain: "c", chainId: 1, config: {}, toolVersion: "1", id: "keep" })).unwrap()
    ;(await first.close()).unwrap()
    const second = (await openDatabase({ url })).unwrap()
    expect((await second.queries.getRun({ runId: "keep" })).unwrap()?.id).toBe("keep")
    await second.close()
  })
})
