import type { ColumnDefinitionBuilder, Kysely, Migration, MigrationProvider } from "kysely"

/**
 * Which SQL engine a database runs on.
 *
 * @example
 * const dialect: DatabaseDialect = url.startsWith("postgres") ? "postgres" : "sqlite"
 */
export type DatabaseDialect = "sqlite" | "postgres"

/**
 * The schema version this code writes. Bump it with every new migration (each migration sets
 * `schema_version.version` to its own number).
 *
 * @example
 * if (storedVersion > SCHEMA_VERSION) refuse()
 */
export const SCHEMA_VERSION = 7

// Migrations use `Kysely<any>` on purpose: they must not depend on the current typed schema,
// which changes over time (Kysely's documented practice).
// biome-ignore lint/suspicious/noExplicitAny: see above
type MigrationDatabase = Kysely<any>

/** Auto-increment integer primary key, spelled per dialect (the only non-portable column). */
function identity(dialect: DatabaseDialect) {
  return (column: ColumnDefinitionBuilder) =>
    dialect === "postgres" ? column.primaryKey().generatedByDefaultAsIdentity() : column.primaryKey()
}

async function setSchemaVersion(db: MigrationDatabase, version: number) {
  await db.deleteFrom("schema_version").execute()
  await db.insertInto("schema_version").values({ id: 1, version, updated_at: Date.now() }).execute()
}

function initial(dialect: DatabaseDialect): Migration {
  return {
    async up(db) {
      await db.schema
        .createTable("schema_version")
        .addColumn("id", "integer", (column) => column.primaryKey())
        .addColumn("version", "integer", (column) => column.notNull())
        .addColumn("updated_at", "bigint", (column) => column.notNull())
        .execute()

      await db.schema
        .createTable("runs")
        .addColumn("id", "varchar(64)", (column) => column.primaryKey())
        .addColumn("chain", "varchar(100)", (column) => column.notNull())
        .addColumn("chain_id", "bigint", (column) => column.notNull())
        .addColumn("host", "varchar(255)", (column) => column.notNull())
        .addColumn("shard", "varchar(64)")
        .addColumn("started_at", "bigint", (column) => column.notNull())
        .addColumn("ended_at", "bigint")
        .addColumn("status", "varchar(32)", (column) => column.notNull())
        .addColumn("config", "text", (column) => column.notNull())
        .addColumn("tool_version", "varchar(64)", (column) => column.notNull())
        .execute()
      await db.schema.createIndex("runs_chain_started").on("runs").columns(["chain", "started_at"]).execute()
      await db.schema.createIndex("runs_started").on("runs").column("started_at").execute()

      await db.schema
        .createTable("task_metrics")
        .addColumn("id", "integer", identity(dialect))
        .addColumn("run_id", "varchar(64)", (column) => column.notNull())
        .addColumn("worker_id", "integer", (column) => column.notNull())
        .addColumn("wallet_address", "varchar(66)", (column) => column.notNull())
        .addColumn("task_name", "varchar(100)", (column) => column.notNull())
        .addColumn("category", "varchar(100)")
        .addColumn("status", "varchar(32)", (column) => column.notNull())
        .addColumn("message", "text")
        .addColumn("error_code", "varchar(100)")
        .addColumn("duration_ms", "double precision", (column) => column.notNull())
        .addColumn("timestamp", "bigint", (column) => column.notNull())
        .execute()
      // Only indices whose inserts land on a few hot pages (low-cardinality prefix, growing
      // suffix). An index keyed by wallet or by duration takes a random leaf page per row and
      // made bulk inserts 6–10× slower (docs/benchmarks/database.md); wallet queries filter by
      // run through task_metrics_run_task or scan.
      await db.schema
        .createIndex("task_metrics_run_task")
        .on("task_metrics")
        .columns(["run_id", "task_name"])
        .execute()
      await db.schema
        .createIndex("task_metrics_task_time")
        .on("task_metrics")
        .columns(["task_name", "timestamp"])
        .execute()

      await db.schema
        .createTable("transactions")
        .addColumn("hash", "varchar(66)", (column) => column.primaryKey())
        .addColumn("run_id", "varchar(64)", (column) => column.notNull())
        .addColumn("chain_id", "bigint", (column) => column.notNull())
        .addColumn("wallet", "varchar(66)", (column) => column.notNull())
        .addColumn("nonce_key", "varchar(80)", (column) => column.notNull())
        .addColumn("nonce", "varchar(80)", (column) => column.notNull())
        .addColumn("task", "varchar(100)", (column) => column.notNull())
        .addColumn("sent_at", "bigint", (column) => column.notNull())
        .addColumn("included_block", "bigint")
        .addColumn("included_at", "bigint")
        .addColumn("gas_used", "varchar(80)")
        .addColumn("effective_gas_price", "varchar(80)")
        .addColumn("fee_token", "varchar(66)")
        .addColumn("status", "varchar(32)", (column) => column.notNull())
        .addColumn("error_code", "varchar(100)")
        .execute()
      await db.schema
        .createIndex("transactions_run_status")
        .on("transactions")
        .columns(["run_id", "status"])
        .execute()
      await db.schema
        .createIndex("transactions_run_task")
        .on("transactions")
        .columns(["run_id", "task"])
        .execute()
      for (const table of ["created_contracts", "created_assets"] as const) {
        let builder = db.schema
          .createTable(table)
          .addColumn("id", "integer", identity(dialect))
          .addColumn("kind", "varchar(100)", (column) => column.notNull())
          .addColumn("address", "varchar(100)", (column) => column.notNull())
        if (table === "created_assets") builder = builder.addColumn("token_id", "varchar(100)")
        await builder
          .addColumn("chain_id", "bigint", (column) => column.notNull())
          .addColumn("wallet", "varchar(66)", (column) => column.notNull())
          .addColumn("transaction_hash", "varchar(66)")
          .addColumn("run_id", "varchar(64)", (column) => column.notNull())
          .addColumn("metadata", "text", (column) => column.notNull())
          .addColumn("created_at", "bigint", (column) => column.notNull())
          .execute()
        await db.schema
          .createIndex(`${table}_kind_chain`)
          .on(table)
          .columns(["kind", "chain_id", "created_at"])
          .execute()
        await db.schema.createIndex(`${table}_wallet`).on(table).columns(["wallet", "chain_id"]).execute()
        await db.schema.createIndex(`${table}_run`).on(table).column("run_id").execute()
      }

      await setSchemaVersion(db, 1)
    },
    async down(db) {
      for (const table of [
        "created_assets",
        "created_contracts",
        "transactions",
        "task_metrics",
        "runs",
        "schema_version",
      ]) {
        await db.schema.dropTable(table).ifExists().execute()
      }
    },
  }
}

/**
 * Liveness of a run, so a later start can tell a crashed run (`running` forever) from one still
 * going on another machine: the process id (checked on the same host) and a heartbeat time.
 */
function runLiveness(): Migration {
  return {
    async up(db) {
      await db.schema.alterTable("runs").addColumn("pid", "integer").execute()
      await db.schema.alterTable("runs").addColumn("heartbeat_at", "bigint").execute()
      await setSchemaVersion(db, 2)
    },
    async down(db) {
      await db.schema.alterTable("runs").dropColumn("heartbeat_at").execute()
      await db.schema.alterTable("runs").dropColumn("pid").execute()
      await setSchemaVersion(db, 1)
    },
  }
}

/**
 * Observed inclusion: `transactions.included_at` becomes the time the run saw the block (Unix
 * ms, the tracker's clock at settlement) and the block's own timestamp moves to
 * `block_timestamp` — block timestamps have 1 s resolution and often precede the send, so
 * latencies from them were negative or zero. `runs.seed` stores the seed the run used, printed
 * or not, so a run can be replayed.
 */
function observedInclusion(): Migration {
  return {
    async up(db) {
      await db.schema.alterTable("transactions").addColumn("block_timestamp", "bigint").execute()
      await db.schema.alterTable("runs").addColumn("seed", "varchar(100)").execute()
      await setSchemaVersion(db, 3)
    },
    async down(db) {
      await db.schema.alterTable("runs").dropColumn("seed").execute()
      await db.schema.alterTable("transactions").dropColumn("block_timestamp").execute()
      await setSchemaVersion(db, 2)
    },
  }
}

/**
 * The sending window (first scheduled start to the end of scheduling, Unix ms), so the report and
 * `db stats` give the run's duration and rates over the same window as the CLI summary, without
 * the setup (funding) before it or the drain after it.
 */
function sendingWindow(): Migration {
  return {
    async up(db) {
      await db.schema.alterTable("runs").addColumn("sending_started_at", "bigint").execute()
      await db.schema.alterTable("runs").addColumn("sending_ended_at", "bigint").execute()
      await setSchemaVersion(db, 4)
    },
    async down(db) {
      await db.schema.alterTable("runs").dropColumn("sending_ended_at").execute()
      await db.schema.alterTable("runs").dropColumn("sending_started_at").execute()
      await setSchemaVersion(db, 3)
    },
  }
}

/**
 * The link from a replaced transaction to the one that took its nonce (a stuck transaction
 * re-signed with bumped fees, ADR 0014): a hash, or null. Plain varchar: portable to both engines.
 */
function replacedBy(): Migration {
  return {
    async up(db) {
      await db.schema.alterTable("transactions").addColumn("replaced_by", "varchar(66)").execute()
      await setSchemaVersion(db, 5)
    },
    async down(db) {
      await db.schema.alterTable("transactions").dropColumn("replaced_by").execute()
      await setSchemaVersion(db, 4)
    },
  }
}

/**
 * Per-proxy traffic of a run (`runs.proxy_stats`, JSON: masked URL, requests, failures, bans), so
 * `report --run ID` shows it long after the proxies are gone.
 */
function proxyStats(): Migration {
  return {
    async up(db) {
      await db.schema.alterTable("runs").addColumn("proxy_stats", "text").execute()
      await setSchemaVersion(db, 6)
    },
    async down(db) {
      await db.schema.alterTable("runs").dropColumn("proxy_stats").execute()
      await setSchemaVersion(db, 5)
    },
  }
}

/**
 * Campaigns: the shards of one plan (one process each, possibly on several machines) share a
 * campaign id, so `report --campaign ID` can merge their journals. Indexed: a starting shard looks
 * up the campaign it joins, and the report selects its runs by it.
 */
function campaign(): Migration {
  return {
    async up(db) {
      await db.schema.alterTable("runs").addColumn("campaign", "varchar(200)").execute()
      await db.schema.createIndex("runs_campaign").on("runs").columns(["campaign", "started_at"]).execute()
      await setSchemaVersion(db, 7)
    },
    async down(db) {
      await db.schema.dropIndex("runs_campaign").execute()
      await db.schema.alterTable("runs").dropColumn("campaign").execute()
      await setSchemaVersion(db, 6)
    },
  }
}

/**
 * All migrations, by name (names sort in application order). Inline, not files: bundlers
 * break file-based providers.
 *
 * @example
 * Object.keys(getMigrations("sqlite")) // ["0001_initial", "0002_run_liveness", "0003_observed_inclusion", "0004_sending_window", "0005_replaced_by", "0006_proxy_stats", "0007_campaign"]
 */
export function getMigrations(dialect: DatabaseDialect): Record<string, Migration> {
  return {
    "0001_initial": initial(dialect),
    "0002_run_liveness": runLiveness(),
    "0003_observed_inclusion": observedInclusion(),
    "0004_sending_window": sendingWindow(),
    "0005_replaced_by": replacedBy(),
    "0006_proxy_stats": proxyStats(),
    "0007_campaign": campaign(),
  }
}

/**
 * Kysely `MigrationProvider` serving {@link getMigrations} from memory.
 *
 * @example
 * const migrator = new Migrator({ db, provider: createMigrationProvider("sqlite") })
 * await migrator.migrateToLatest()
 */
export function createMigrationProvider(dialect: DatabaseDialect): MigrationProvider {
  return { getMigrations: async () => getMigrations(dialect) }
}
