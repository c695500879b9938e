// Public exports of the database folder (named exports only).
export {
  DatabaseBusyError,
  type DatabaseBusyErrorType,
  DatabaseConstraintError,
  type DatabaseConstraintErrorType,
  DatabaseError,
  type DatabaseErrorBaseType,
  type DatabaseErrorType,
  DatabaseMigrationError,
  type DatabaseMigrationErrorType,
  DatabaseOpenError,
  type DatabaseOpenErrorType,
  DatabasePathError,
  type DatabasePathErrorType,
  DatabaseSchemaTooNewError,
  type DatabaseSchemaTooNewErrorType,
  DatabaseWriteError,
  type DatabaseWriteErrorType,
} from "../errors/database.js"
export {
  type CrashedRun,
  closeCrashedRuns,
  heartbeatRun,
  type PendingRow,
  pendingRowsOfFinishedRuns,
} from "./crashedRuns.js"
export { prepareDatabasePath } from "./databasePath.js"
export { isPostgresUrl } from "./maskUrl.js"
export { getSchemaVersion, migrateDatabase } from "./migrate.js"
export { createMigrationProvider, type DatabaseDialect, getMigrations, SCHEMA_VERSION } from "./migrations.js"
export { type DatabaseManager, type OpenDatabaseOptions, openDatabase } from "./openDatabase.js"
export type { DatabaseQueries } from "./queries/index.js"
export type { MetricFilter } from "./queries/metrics.js"
export { percentile } from "./queries/percentile.js"
export type {
  CreatedAssetRecord,
  CreatedContractRecord,
  RunRecord,
  TaskMetricRecord,
  TransactionRecord,
} from "./queries/records.js"
export type { RunSummaryRecord, TaskSummary } from "./queries/runSummary.js"
export type { WalletStats } from "./queries/walletStats.js"
export {
  createRecorder,
  type DeadLetter,
  type Recorder,
  type RecorderItem,
  type RecorderOptions,
  type RecorderStats,
  type RunRecorder,
} from "./recorder.js"
export type {
  CreatedAssetRow,
  CreatedContractRow,
  JournalRow,
  TaskMetricRow,
  TransactionUpdate,
} from "./rows.js"
export type { CreateRunParameters } from "./runs.js"
export { sanitizeConfig } from "./sanitizeConfig.js"
export type {
  CreatedAssetsTable,
  CreatedContractsTable,
  DatabaseSchema,
  RunProxyStats,
  RunStatus,
  RunsTable,
  SchemaVersionTable,
  TaskMetricStatus,
  TaskMetricsTable,
  TransactionStatus,
  TransactionsTable,
} from "./schema.js"
export { createTaskDatabase } from "./taskDatabase.js"
export type { BatchWriter, CheckpointStats, WriteBatch } from "./writer.js"
