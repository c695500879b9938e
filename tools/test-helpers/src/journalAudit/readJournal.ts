import Database from "better-sqlite3"

/**
 * The columns of a `runs` row the audit reads.
 *
 * @example
 * const run: JournalRun = { id: "r1", status: "completed", started_at: 1764750000000, ended_at: 1764750015000 }
 */
export type JournalRun = { id: string; status: string; started_at: number; ended_at: number | null }

/**
 * The columns of a `transactions` row the audit reads.
 *
 * @example
 * const row: JournalTransaction = { hash: "0x…", run_id: "r1", wallet: "0x…", nonce_key: "0", nonce: "3",
 *   task: "tip20_transfer", status: "included", included_block: 12, error_code: null }
 */
export type JournalTransaction = {
  hash: string
  run_id: string
  wallet: string
  nonce_key: string
  nonce: string
  task: string
  status: string
  included_block: number | null
  error_code: string | null
}

/**
 * What a run database holds, read once (read-only, safe while a writer has it open in WAL mode).
 *
 * @example
 * const journal: Journal = readJournal("./data/tempo.db")
 */
export type Journal = {
  runs: JournalRun[]
  transactions: JournalTransaction[]
}

/**
 * Reads every run and journal row of a SQLite run database.
 *
 * @example
 * const { runs, transactions } = readJournal("/tmp/fault.db")
 * const pending = transactions.filter((row) => row.status === "pending")
 */
export function readJournal(databasePath: string): Journal {
  const database = new Database(databasePath, { readonly: true, fileMustExist: true })
  try {
    const runs = database
      .prepare("select id, status, started_at, ended_at from runs order by started_at")
      .all()
    const transactions = database
      .prepare(
        "select hash, run_id, wallet, nonce_key, nonce, task, status, included_block, error_code from transactions",
      )
      .all()
    return { runs: runs as JournalRun[], transactions: transactions as JournalTransaction[] }
  } finally {
    database.close()
  }
}
