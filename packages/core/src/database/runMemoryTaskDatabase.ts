/**
 * The task read side answered from run memory: each kind is read from the database once per run
 * (per wallet instead when the kind has more than 20,000 rows), and what this run records is added
 * as it is recorded. Task lookups ("this wallet's
 * token", "this wallet's market") were one SQL query per task (~6 % of the main job's Node CPU);
 * now they are a map lookup.
 *
 * What it does not see: rows another process (a shard sharing the database) records after this
 * run first read that kind. Tasks use these reads to reuse earlier deployments, so missing a
 * sibling's newest one only means creating or picking another.
 */

import type { BaseError } from "../errors/base.js"
import { Ok, type Result } from "../result.js"
import type { StoredRecord, TaskDatabase } from "../tasks/context.js"
import type { CreatedAsset } from "../tasks/outcome.js"
import type { DatabaseQueries } from "./queries/index.js"
import type { RunRecorder } from "./recorder.js"
import { type CreatedAssetRow, type CreatedContractRow, toJson } from "./rows.js"
import { createTaskDatabase, storedRecord } from "./taskDatabase.js"

type Stored = StoredRecord<CreatedAsset>
type Table = "contracts" | "assets"
type Query = { kind: string; wallet?: string | undefined; limit?: number | undefined }

/**
 * Rows kept per list (a kind, or a kind and wallet): the largest limit the catalog's tasks ask for.
 * Reads asking for more, or without a limit, go to the database as before.
 */
export const runMemoryRowLimit = 500

/**
 * Stored rows of one kind read at once (one query per kind answers every wallet). A kind with more
 * rows is read per wallet instead, so memory stays bounded against a large database.
 */
export const runMemoryKindLimit = 20_000

/** Identity of a row, to skip a stored copy of one this run already holds. */
function identity(row: Stored) {
  return `${row.address}|${row.tokenId ?? ""}|${row.transactionHash ?? ""}`
}

/** Appends, keeping the newest {@link runMemoryRowLimit} (trimmed in amortised O(1)). */
function pushBounded(map: Map<string, Stored[]>, key: string, row: Stored) {
  const rows = map.get(key)
  if (rows === undefined) map.set(key, [row])
  else {
    rows.push(row)
    if (rows.length >= 2 * runMemoryRowLimit) rows.splice(0, rows.length - runMemoryRowLimit)
  }
}

/** Newest first, at most `limit`: this run's rows (newest last in memory), then the stored ones. */
function newestFirst(recorded: readonly Stored[] | undefined, stored: readonly Stored[], limit: number) {
  const result: Stored[] = []
  const held = new Set<string>()
  if (recorded !== undefined)
    for (let index = recorded.length - 1; index >= 0 && result.length < limit; index--) {
      const row = recorded[index] as Stored
      result.push(row)
      held.add(identity(row))
    }
  for (let index = 0; index < stored.length && result.length < limit; index++) {
    const row = stored[index] as Stored
    // A row this run recorded and flushed before the list was read is in both.
    if (!held.has(identity(row))) result.push(row)
  }
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
  /** Rows of one kind read at once; default {@link runMemoryKindLimit}. */
  kindLimit?: number
}): { database: TaskDatabase; recorder: R } {
  const { queries, chainId, recorder } = parameters
  const kindLimit = parameters.kindLimit ?? runMemoryKindLimit
  /** This run's rows, oldest first, by `table:kind` and by `table:kind:wallet`. */
  const recorded = new Map<string, Stored[]>()
  /** Database reads (a kind, or a kind and wallet), each run once and shared by the tasks asking meanwhile. */
  const loads = new Map<string, Promise<Result<unknown, BaseError>>>()

  function remember(table: Table, row: CreatedContractRow | CreatedAssetRow) {
    if (row.chainId !== chainId) return
    // As a read from the database would return it: metadata through JSON (bigints as strings, {} when absent).
    const stored = storedRecord({
      ...row,
      id: 0,
      transactionHash: row.transactionHash,
      tokenId: "tokenId" in row ? row.tokenId : undefined,
      metadata: JSON.parse(toJson(row.metadata)) as Record<string, unknown>,
    })
    pushBounded(recorded, `${table}:${row.kind}`, stored)
    pushBounded(recorded, `${table}:${row.kind}:${row.wallet}`, stored)
  }

  /** The database read as tasks read it without run memory (newest first, this chain only). */
  const sql = createTaskDatabase({ queries, chainId })
  function readStored(table: Table, kind: string, wallet: string | undefined, limit: number | undefined) {
    const query = {
      kind,
      ...(wallet === undefined ? {} : { wallet }),
      ...(limit === undefined ? {} : { limit }),
    }
    return table === "contracts" ? sql.contractsByKind(query) : sql.assetsByKind(query)
  }

  function shared<T>(key: string, start: () => Promise<Result<T, BaseError>>) {
    let load = loads.get(key) as Promise<Result<T, BaseError>> | undefined
    if (load === undefined) {
      load = start()
      loads.set(key, load)
      // A failed read is not kept: the next task asks the database again.
      void load.then((result) => {
        if (result.isErr()) loads.delete(key)
      })
    }
    return load
  }

  /** A kind's stored rows, newest first, and by wallet: complete unless the kind has more than the kind limit. */
  function kindRows(table: Table, kind: string) {
    return shared(`${table}:${kind}`, async () => {
      const rows = await readStored(table, kind, undefined, kindLimit)
      if (rows.isErr()) return rows
      const byWallet = new Map<string, Stored[]>()
      for (const row of rows.value) {
        const ofWallet = byWallet.get(row.wallet)
        if (ofWallet === undefined) byWallet.set(row.wallet, [row])
        else if (ofWallet.length < runMemoryRowLimit) ofWallet.push(row)
      }
      const complete = rows.value.length < kindLimit
      return Ok({ all: rows.value.slice(0, runMemoryRowLimit), byWallet, complete })
    })
  }

  async function storedRows(table: Table, kind: string, wallet: string | undefined) {
    const ofKind = await kindRows(table, kind)
    if (ofKind.isErr()) return ofKind
    if (wallet === undefined) return Ok(ofKind.value.all)
    if (ofKind.value.complete) return Ok(ofKind.value.byWallet.get(wallet) ?? [])
    // A kind too large to hold whole: one read per wallet instead.
    return shared(`${table}:${kind}:${wallet}`, () => readStored(table, kind, wallet, runMemoryRowLimit))
  }

  async function read(table: Table, query: Query): Promise<Result<readonly Stored[], BaseError>> {
    const limit = query.limit ?? Number.POSITIVE_INFINITY
    // Beyond what memory keeps: the database answers, as it did before.
    if (limit > runMemoryRowLimit) return readStored(table, query.kind, query.wallet, query.limit)
    const stored = await storedRows(table, query.kind, query.wallet)
    if (stored.isErr()) return stored
    const key =
      query.wallet === undefined ? `${table}:${query.kind}` : `${table}:${query.kind}:${query.wallet}`
    return Ok(newestFirst(recorded.get(key), stored.value, limit))
  }

  const database: TaskDatabase = {
    contractsByKind: (query) => read("contracts", query),
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
