/**
 * The task read side answered from run memory: each (table, kind) is read from the database once
 * per run, and what this run records is added as it is recorded. Task lookups ("this wallet's
 * token", "this wallet's market") were one SQL query per task (~6 % of the main job's Node CPU);
 * now they are a map lookup.
 *
 * What it does not see: rows another process (a shard sharing the database) records after this
 * run first read that kind. Tasks use these reads to reuse earlier deployments, so missing a
 * sibling's newest one only means creating or picking another.
 */

import type { DatabaseErrorType } from "../errors/database.js"
import { Ok, type Result } from "../result.js"
import type { StoredRecord, TaskDatabase } from "../tasks/context.js"
import type { CreatedAsset, CreatedContract } from "../tasks/outcome.js"
import type { DatabaseQueries } from "./queries/index.js"
import type { CreatedAssetRecord, CreatedContractRecord } from "./queries/records.js"
import type { RunRecorder } from "./recorder.js"
import { type CreatedAssetRow, type CreatedContractRow, toJson } from "./rows.js"

type Stored = StoredRecord<CreatedAsset>
type Table = "contracts" | "assets"
type Query = { kind: string; wallet?: string | undefined; limit?: number | undefined }

/** One kind's rows: the stored ones (newest first) and this run's (oldest first), all and by wallet. */
type KindMemory = {
  stored: Stored[]
  storedByWallet: Map<string, Stored[]>
  recorded: Stored[]
  recordedByWallet: Map<string, Stored[]>
}

function toStored(row: CreatedContractRecord | CreatedAssetRecord): Stored {
  return {
    kind: row.kind,
    address: row.address,
    ...("tokenId" in row && row.tokenId !== undefined ? { tokenId: row.tokenId } : {}),
    ...(row.transactionHash === undefined ? {} : { transactionHash: row.transactionHash }),
    metadata: row.metadata,
    wallet: row.wallet,
    createdAt: row.createdAt,
    runId: row.runId,
  }
}

/** Identity of a row, to skip a stored copy of one this run already holds. */
function identity(row: Stored) {
  return `${row.address}|${row.tokenId ?? ""}|${row.transactionHash ?? ""}`
}

function push(map: Map<string, Stored[]>, wallet: string, row: Stored) {
  const rows = map.get(wallet)
  if (rows === undefined) map.set(wallet, [row])
  else rows.push(row)
}

/** Newest first, at most `limit`: this run's rows (newest last in memory), then the stored ones. */
function newestFirst(
  recorded: readonly Stored[] | undefined,
  stored: readonly Stored[] | undefined,
  limit: number,
) {
  const result: Stored[] = []
  if (recorded !== undefined)
    for (let index = recorded.length - 1; index >= 0 && result.length < limit; index--)
      result.push(recorded[index] as Stored)
  if (stored !== undefined)
    for (let index = 0; index < stored.length && result.length < limit; index++)
      result.push(stored[index] as Stored)
  return result
}

/**
 * A {@link TaskDatabase} answered from run memory, and the recorder to give the run: it records
 * as before and also remembers each created contract and asset for later reads.
 *
 * @example
 * const memory = createRunMemoryTaskDatabase({ queries: manager.queries, chainId, recorder: manager.recorder })
 * const runner = createRunner({ ...parameters, database: memory.database, recorder: memory.recorder })
 */
export function createRunMemoryTaskDatabase<R extends RunRecorder>(parameters: {
  queries: Pick<DatabaseQueries, "contractsByKind" | "createdAssets">
  chainId: number
  recorder: R
}): { database: TaskDatabase; recorder: R } {
  const { queries, chainId, recorder } = parameters
  const memories = { contracts: new Map<string, KindMemory>(), assets: new Map<string, KindMemory>() }
  /** One database read per (table, kind), shared by the tasks that ask while it runs. */
  const loads = new Map<string, Promise<Result<KindMemory, DatabaseErrorType>>>()

  function memoryOf(table: Table, kind: string): KindMemory {
    let memory = memories[table].get(kind)
    if (memory === undefined) {
      memory = { stored: [], storedByWallet: new Map(), recorded: [], recordedByWallet: new Map() }
      memories[table].set(kind, memory)
    }
    return memory
  }

  function remember(table: Table, row: CreatedContractRow | CreatedAssetRow) {
    if (row.chainId !== chainId) return
    const memory = memoryOf(table, row.kind)
    // As a read from the database would return it: metadata through JSON (bigints as strings, {} when absent).
    const stored = toStored({
      ...row,
      id: 0,
      transactionHash: row.transactionHash,
      tokenId: "tokenId" in row ? row.tokenId : undefined,
      metadata: JSON.parse(toJson(row.metadata)) as Record<string, unknown>,
    })
    memory.recorded.push(stored)
    push(memory.recordedByWallet, stored.wallet, stored)
  }

  async function readStored(table: Table, kind: string): Promise<Result<KindMemory, DatabaseErrorType>> {
    const rows =
      table === "contracts"
        ? await queries.contractsByKind({ kind, chainId })
        : await queries.createdAssets({ kind, chainId })
    if (rows.isErr()) return rows
    const memory = memoryOf(table, kind)
    const held = new Set(memory.recorded.map(identity))
    for (const record of rows.value) {
      const stored = toStored(record)
      if (held.has(identity(stored))) continue
      memory.stored.push(stored)
      push(memory.storedByWallet, stored.wallet, stored)
    }
    return Ok(memory)
  }

  async function read(table: Table, query: Query): Promise<Result<Stored[], DatabaseErrorType>> {
    const key = `${table}:${query.kind}`
    let load = loads.get(key)
    if (load === undefined) {
      load = readStored(table, query.kind)
      loads.set(key, load)
      // A failed read is not kept: the next task asks the database again.
      void load.then((result) => {
        if (result.isErr()) loads.delete(key)
      })
    }
    const memory = await load
    if (memory.isErr()) return memory
    const limit = query.limit ?? Number.POSITIVE_INFINITY
    const { value } = memory
    return Ok(
      query.wallet === undefined
        ? newestFirst(value.recorded, value.stored, limit)
        : newestFirst(
            value.recordedByWallet.get(query.wallet),
            value.storedByWallet.get(query.wallet),
            limit,
          ),
    )
  }

  const database: TaskDatabase = {
    contractsByKind: (query) =>
      read("contracts", query) as Promise<Result<StoredRecord<CreatedContract>[], DatabaseErrorType>>,
    assetsByKind: (query) => read("assets", query),
  }
  const remembering: R = {
    ...recorder,
    recordCreatedContract(row) {
      remember("contracts", row)
      return recorder.recordCreatedContract(row)
    },
    recordCreatedAsset(row) {
      remember("assets", row)
      return recorder.recordCreatedAsset(row)
    },
  }
  return { database, recorder: remembering }
}
