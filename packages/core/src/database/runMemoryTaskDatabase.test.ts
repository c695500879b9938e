import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { bothDialects, createTestTarget } from "../testing/database/dialects.js"
import { type DatabaseManager, openDatabase } from "./openDatabase.js"
import type { DatabaseQueries } from "./queries/index.js"
import { createRunMemoryTaskDatabase, runMemoryRowLimit } from "./runMemoryTaskDatabase.js"
import { createTaskDatabase } from "./taskDatabase.js"

const CHAIN_ID = 42431
const WALLETS = [
  "0x00000000000000000000000000000000000000aA",
  "0x00000000000000000000000000000000000000bB",
  "0x00000000000000000000000000000000000000cC",
] as const
const address = (index: number) => `0x${index.toString(16).padStart(40, "0")}`

describe.each(bothDialects)("run-memory task database on %s", (dialect) => {
  const target = createTestTarget(dialect)
  let manager: DatabaseManager
  let runId: string
  let earlierRunId: string
  /** The real queries, counting the created-contract and created-asset reads that reach the database. */
  let reads: { contracts: number; assets: number }
  let queries: Pick<DatabaseQueries, "contractsByKind" | "createdAssets">

  beforeAll(async () => {
    await target.start()
    const opened = await openDatabase({ url: await target.newUrl() })
    if (opened.isErr()) throw opened.error
    manager = opened.value
    const base = { chain: "tempo", chainId: CHAIN_ID, config: {}, toolVersion: "0.1.0" }
    earlierRunId = (await manager.createRun({ ...base, startedAt: 1000 })).unwrap().id
    runId = (await manager.createRun({ ...base, startedAt: 2000 })).unwrap().id
    reads = { contracts: 0, assets: 0 }
    queries = {
      contractsByKind: (parameters) => {
        reads.contracts++
        return manager.queries.contractsByKind(parameters)
      },
      createdAssets: (parameters) => {
        reads.assets++
        return manager.queries.createdAssets(parameters)
      },
    }
  })

  afterAll(async () => {
    await manager?.close()
    await target.stop()
  })

  it("reads each list once, then answers from memory, this run's records included before they are flushed", async () => {
    const [walletA, walletB] = WALLETS
    manager.recorder.recordCreatedAsset({
      kind: "market",
      address: address(1),
      chainId: CHAIN_ID,
      wallet: walletA,
      runId: earlierRunId,
      metadata: { quote: "0xquote" },
      createdAt: 100,
    })
    manager.recorder.recordCreatedAsset({
      kind: "market",
      address: address(2),
      chainId: 1,
      wallet: walletA,
      runId: earlierRunId,
      createdAt: 110,
    })
    manager.recorder.recordCreatedContract({
      kind: "counter",
      address: address(3),
      chainId: CHAIN_ID,
      wallet: walletB,
      runId: earlierRunId,
      createdAt: 120,
    })
    ;(await manager.recorder.flush()).unwrap()

    const memory = createRunMemoryTaskDatabase({ queries, chainId: CHAIN_ID, recorder: manager.recorder })
    const [first, second] = await Promise.all([
      memory.database.assetsByKind({ kind: "market", wallet: walletA, limit: 500 }),
      memory.database.assetsByKind({ kind: "market", wallet: walletB, limit: 500 }),
    ])
    expect(first.unwrap()).toEqual([
      expect.objectContaining({ address: address(1), metadata: { quote: "0xquote" }, runId: earlierRunId }),
    ])
    expect(second.unwrap()).toEqual([])
    // Recorded now, not flushed: the next read sees it first (newest), with metadata as the database returns it.
    memory.recorder.recordCreatedAsset({
      kind: "market",
      address: address(4),
      chainId: CHAIN_ID,
      wallet: walletA,
      runId,
      transactionHash: "0xcreate",
      metadata: { amount: 5n },
      createdAt: 3000,
    })
    const again = (
      await memory.database.assetsByKind({ kind: "market", wallet: walletA, limit: 500 })
    ).unwrap()
    expect(again.map((row) => row.address)).toEqual([address(4), address(1)])
    expect(again[0]).toEqual({
      kind: "market",
      address: address(4),
      transactionHash: "0xcreate",
      metadata: { amount: "5" },
      wallet: walletA,
      createdAt: 3000,
      runId,
    })
    expect((await memory.database.assetsByKind({ kind: "market", limit: 1 })).unwrap()).toEqual([
      expect.objectContaining({ address: address(4) }),
    ])
    expect((await memory.database.contractsByKind({ kind: "counter", limit: 20 })).unwrap()).toEqual([
      expect.objectContaining({ address: address(3), wallet: walletB }),
    ])
    // Read again: memory answers. One read per kind answers every wallet.
    await memory.database.assetsByKind({ kind: "market", wallet: walletA, limit: 500 })
    await memory.database.contractsByKind({ kind: "counter", limit: 5 })
    expect(reads).toEqual({ contracts: 1, assets: 1 })
    // The memory recorder still records: after a flush the database has the row too.
    ;(await manager.recorder.flush()).unwrap()
    const stored = (
      await manager.queries.createdAssets({ kind: "market", chainId: CHAIN_ID, wallet: walletA })
    ).unwrap()
    expect(stored.map((row) => row.address)).toEqual([address(4), address(1)])
  })

  it("keeps this run's newest rows up to the limit, and leaves larger or unlimited reads to the database", async () => {
    const memory = createRunMemoryTaskDatabase({ queries, chainId: CHAIN_ID, recorder: manager.recorder })
    const before = { ...reads }
    const total = 2 * runMemoryRowLimit + 7
    for (let index = 0; index < total; index++)
      memory.recorder.recordCreatedContract({
        kind: "many",
        address: address(10_000 + index),
        chainId: CHAIN_ID,
        wallet: WALLETS[0],
        runId,
        createdAt: 5000 + index,
      })
    const newest = (
      await memory.database.contractsByKind({ kind: "many", wallet: WALLETS[0], limit: runMemoryRowLimit })
    ).unwrap()
    expect(newest).toHaveLength(runMemoryRowLimit)
    expect(newest[0]?.address).toBe(address(10_000 + total - 1))
    expect(newest.at(-1)?.address).toBe(address(10_000 + total - runMemoryRowLimit))
    ;(await manager.recorder.flush()).unwrap()
    // No limit: every row, from the database.
    expect((await memory.database.contractsByKind({ kind: "many" })).unwrap()).toHaveLength(total)
    expect(reads.contracts - before.contracts).toBe(2)
  })

  it("reads a kind with more rows than the kind limit per wallet", async () => {
    const memory = createRunMemoryTaskDatabase({
      queries,
      chainId: CHAIN_ID,
      recorder: manager.recorder,
      kindLimit: 2,
    })
    for (const [index, wallet] of [WALLETS[0], WALLETS[1], WALLETS[2], WALLETS[2]].entries())
      manager.recorder.recordCreatedAsset({
        kind: "crowded",
        address: address(20_000 + index),
        chainId: CHAIN_ID,
        wallet,
        runId: earlierRunId,
        createdAt: 6000 + index,
      })
    ;(await manager.recorder.flush()).unwrap()
    const before = reads.assets
    // The kind read holds only the 2 newest rows (both of wallet C): wallet A is read on its own.
    const ofA = (
      await memory.database.assetsByKind({ kind: "crowded", wallet: WALLETS[0], limit: 20 })
    ).unwrap()
    expect(ofA.map((row) => row.address)).toEqual([address(20_000)])
    await memory.database.assetsByKind({ kind: "crowded", wallet: WALLETS[0], limit: 20 })
    expect(reads.assets - before).toBe(2)
  })

  it("does not count a row twice when it was flushed before the kind was first read", async () => {
    const memory = createRunMemoryTaskDatabase({ queries, chainId: CHAIN_ID, recorder: manager.recorder })
    memory.recorder.recordCreatedContract({
      kind: "flushed-first",
      address: address(5),
      chainId: CHAIN_ID,
      wallet: WALLETS[2],
      runId,
      createdAt: 4000,
    })
    ;(await manager.recorder.flush()).unwrap()
    const rows = (await memory.database.contractsByKind({ kind: "flushed-first", limit: 20 })).unwrap()
    expect(rows.map((row) => row.address)).toEqual([address(5)])
  })

  it("answers what the SQL-backed task database answers after a flush (property)", async () => {
    let round = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ wallet: fc.constantFrom(...WALLETS), before: fc.boolean() }), { maxLength: 12 }),
        fc.constantFrom(...WALLETS),
        fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(runMemoryRowLimit)),
        fc.boolean(),
        async (records, wallet, limit, ofWallet) => {
          const kind = `property-${round++}`
          let createdAt = 10_000 + round * 100
          // Rows stored before the run's first read, then rows this run records after it.
          for (const [index, record] of records.entries())
            if (record.before)
              manager.recorder.recordCreatedAsset({
                kind,
                address: address(1000 + index),
                chainId: CHAIN_ID,
                wallet: record.wallet,
                runId: earlierRunId,
                createdAt: createdAt++,
              })
          ;(await manager.recorder.flush()).unwrap()
          const memory = createRunMemoryTaskDatabase({
            queries,
            chainId: CHAIN_ID,
            recorder: manager.recorder,
          })
          await memory.database.assetsByKind({ kind, wallet, limit: runMemoryRowLimit })
          await memory.database.assetsByKind({ kind, limit: runMemoryRowLimit })
          for (const [index, record] of records.entries())
            if (!record.before)
              memory.recorder.recordCreatedAsset({
                kind,
                address: address(1000 + index),
                chainId: CHAIN_ID,
                wallet: record.wallet,
                runId,
                createdAt: createdAt++,
              })
          const query = {
            kind,
            ...(ofWallet ? { wallet } : {}),
            limit,
          }
          const fromMemory = (await memory.database.assetsByKind(query)).unwrap()
          ;(await manager.recorder.flush()).unwrap()
          const sql = createTaskDatabase({ queries: manager.queries, chainId: CHAIN_ID })
          const fromSql = (await sql.assetsByKind(query)).unwrap()
          expect(fromMemory).toEqual(fromSql)
        },
      ),
      { numRuns: 15 },
    )
  })
})
