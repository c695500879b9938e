import Database from "better-sqlite3"
import { Kysely, SqliteDialect, sql } from "kysely"
import { describe, expect, it } from "vitest"
import { withStatementCache } from "./statementCache.js"

type Schema = { items: { id: number; name: string } }

describe("withStatementCache", () => {
  it("prepares a SELECT once, answers with current rows, and re-prepares after a schema change", async () => {
    const raw = new Database(":memory:")
    const cached = withStatementCache(raw)
    const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: cached }) })
    await db.schema.createTable("items").addColumn("id", "integer").addColumn("name", "text").execute()
    const select = "select * from items where id = ?"
    const first = cached.prepare(select)
    expect(cached.prepare(select)).toBe(first)
    // Writes are never kept; the kept SELECT sees what they wrote.
    const insert = "insert into items (id, name) values (1, 'a')"
    expect(cached.prepare(insert)).not.toBe(cached.prepare(insert))
    await db.insertInto("items").values({ id: 2, name: "b" }).execute()
    const read = () => db.selectFrom("items").selectAll().where("id", "=", 2).execute()
    expect(await read()).toEqual([{ id: 2, name: "b" }])
    await db.updateTable("items").set({ name: "c" }).where("id", "=", 2).execute()
    expect(await read()).toEqual([{ id: 2, name: "c" }])
    // A new column: the kept statements are dropped, `select *` returns it.
    await sql`alter table items add column extra text`.execute(db)
    expect(cached.prepare(select)).not.toBe(first)
    expect(await read()).toEqual([{ id: 2, name: "c", extra: null }])
    await db.destroy()
    expect(raw.open).toBe(false)
  })

  it("keeps at most 256 distinct SELECT texts", () => {
    const raw = new Database(":memory:")
    const cached = withStatementCache(raw)
    const first = cached.prepare("select 0")
    for (let index = 1; index < 256; index++) cached.prepare(`select ${index}`)
    expect(cached.prepare("select 0")).toBe(first)
    cached.prepare("select 256") // the 257th text: the cache starts over
    expect(cached.prepare("select 0")).not.toBe(first)
    raw.close()
  })
})
