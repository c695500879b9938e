import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { bothDialects, createTestTarget } from "../testing/database/dialects.js"
import { getMigrations } from "./migrations.js"
import { openDatabase } from "./openDatabase.js"

describe.each(bothDialects)("opening one new %s database from several connections at once", (dialect) => {
  const target = createTestTarget(dialect)
  beforeAll(() => target.start())
  afterAll(() => target.stop())

  it("migrates once and opens every connection", async () => {
    const url = await target.newUrl()
    const opened = await Promise.all(Array.from({ length: 4 }, () => openDatabase({ url })))
    expect(opened.map((result) => (result.isErr() ? result.error.message : "ok"))).toEqual([
      "ok",
      "ok",
      "ok",
      "ok",
    ])
    const managers = opened.map((result) => result.unwrap())
    const migrations = await managers[0]!.db
      .selectFrom("kysely_migration" as "runs")
      .select((builder) => builder.fn.countAll<number>().as("rows"))
      .executeTakeFirstOrThrow()
    // Each migration applied exactly once, however many connections raced to apply it.
    expect(Number(migrations.rows)).toBe(Object.keys(getMigrations(dialect)).length)
    for (const manager of managers) await manager.close()
  })
})
