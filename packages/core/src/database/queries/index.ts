import type { DatabaseErrorType } from "../../errors/database.js"
import type { Result } from "../../result.js"
import type { TransactionStatus } from "../schema.js"
import { createdAssets } from "./assets.js"
import { type CampaignSummaryRecord, campaignRuns, campaignSummary, latestCampaigns } from "./campaigns.js"
import type { QueryContext } from "./context.js"
import { contractsByKind } from "./contracts.js"
import {
  type MetricFilter,
  metricsByTask,
  metricsByWallet,
  taskMetrics,
  uniqueTasks,
  walletsWithActivity,
} from "./metrics.js"
import type {
  CreatedAssetRecord,
  CreatedContractRecord,
  RunRecord,
  TaskMetricRecord,
  TransactionRecord,
} from "./records.js"
import { type RunSummaryRecord, runSummary } from "./runSummary.js"
import { getRun, latestRun } from "./runs.js"
import { getTransaction, transactionsByStatus } from "./transactions.js"
import { type WalletStats, walletStats } from "./walletStats.js"

type Query<Parameters, T> = (parameters: Parameters) => Promise<Result<T, DatabaseErrorType>>
type OptionalQuery<Parameters, T> = (parameters?: Parameters) => Promise<Result<T, DatabaseErrorType>>

/**
 * The read API of a database, bound to one connection. Every query returns a Result.
 *
 * @example
 * const counters = await manager.queries.contractsByKind({ kind: "counter", chainId: 42431 })
 * const summary = await manager.queries.runSummary({ runId })
 */
export type DatabaseQueries = {
  contractsByKind: Query<
    { kind: string; chainId: number; wallet?: string; limit?: number },
    CreatedContractRecord[]
  >
  createdAssets: OptionalQuery<
    { kind?: string; chainId?: number; wallet?: string; runId?: string; limit?: number },
    CreatedAssetRecord[]
  >
  taskMetrics: OptionalQuery<MetricFilter, TaskMetricRecord[]>
  metricsByWallet: Query<MetricFilter & { wallet: string }, TaskMetricRecord[]>
  metricsByTask: Query<MetricFilter & { taskName: string }, TaskMetricRecord[]>
  uniqueTasks: OptionalQuery<{ runId?: string }, string[]>
  walletsWithActivity: OptionalQuery<{ runId?: string }, string[]>
  walletStats: OptionalQuery<{ runId?: string; wallet?: string }, WalletStats[]>
  runSummary: Query<{ runId: string }, RunSummaryRecord>
  transactionsByStatus: Query<
    { runId: string; statuses: readonly TransactionStatus[]; limit?: number },
    TransactionRecord[]
  >
  getTransaction: Query<{ hash: string }, TransactionRecord | undefined>
  latestRun: OptionalQuery<{ chain?: string }, RunRecord | undefined>
  getRun: Query<{ runId: string }, RunRecord | undefined>
  campaignRuns: Query<{ campaign: string }, RunRecord[]>
  latestCampaigns: OptionalQuery<
    { limit?: number },
    { id: string; chain: string; startedAt: number; runs: number }[]
  >
  campaignSummary: Query<{ campaign: string }, CampaignSummaryRecord>
}

/**
 * Binds every query to a connection.
 *
 * @example
 * const queries = createQueries({ db, dialect: "sqlite", target: ":memory:", busyTimeoutMs: 5000 })
 */
export function createQueries(context: QueryContext): DatabaseQueries {
  return {
    contractsByKind: (parameters) => contractsByKind(context, parameters),
    createdAssets: (parameters) => createdAssets(context, parameters),
    taskMetrics: (parameters) => taskMetrics(context, parameters),
    metricsByWallet: (parameters) => metricsByWallet(context, parameters),
    metricsByTask: (parameters) => metricsByTask(context, parameters),
    uniqueTasks: (parameters) => uniqueTasks(context, parameters),
    walletsWithActivity: (parameters) => walletsWithActivity(context, parameters),
    walletStats: (parameters) => walletStats(context, parameters),
    runSummary: (parameters) => runSummary(context, parameters),
    transactionsByStatus: (parameters) => transactionsByStatus(context, parameters),
    getTransaction: (parameters) => getTransaction(context, parameters),
    latestRun: (parameters) => latestRun(context, parameters),
    getRun: (parameters) => getRun(context, parameters),
    campaignRuns: (parameters) => campaignRuns(context, parameters),
    latestCampaigns: (parameters) => latestCampaigns(context, parameters),
    campaignSummary: (parameters) => campaignSummary(context, parameters),
  }
}
