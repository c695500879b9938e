// The options and the report of `runLoad`, and what its `afterRun` hook sees.
import type { Config } from "../../config/types.js"
import type { DatabaseManager } from "../../database/openDatabase.js"
import type { ProxyAllBannedError } from "../../errors/proxy.js"
import type { RunnerRpcOutageError } from "../../errors/runner.js"
import type { FetchPendingNonce } from "../../nonce/nonceManager.js"
import type { ProxyDiagnostic } from "../../proxy/proxyManager.js"
import type { RpcClient, RpcClientStats } from "../../rpc/client.js"
import type { ChainDefinition } from "../../tasks/defineChain.js"
import type { CrashRecoveryReport } from "../lifecycle/crashRecovery.js"
import type { RunnerGasManager, RunnerLogger, RunnerRpc } from "../ports.js"
import type { ReconciliationReport } from "../reconcile.js"
import type { Runner } from "../run/runner.js"
import type { RunnerEvents } from "../runnerEvents.js"
import type { RunSnapshot, RunSummary } from "../statistics/statistics.js"
import type { RunShard } from "./shard.js"

/**
 * What `runLoad` returns.
 *
 * @example
 * const { summary, runId, databaseUrl } = (await runLoad({ chain, config })).unwrap()
 */
export type RunLoadReport = {
  summary: RunSummary
  runId: string
  /** The seed of the run's random choices (drawn when none was configured; stored in `runs`). */
  seed: number
  chainId: number
  databaseUrl: string
  /** The RPC used (the devnet's, when one was started; masked otherwise). */
  rpcUrl: string
  devnet: boolean
  /** This run's worker wallets (the shard's slice when sharded). */
  wallets: readonly string[]
  /** `"INDEX/COUNT"` when the run was one shard of a multi-machine run. */
  shard: string | undefined
  /** The campaign the run is a shard of (undefined for a lone run). */
  campaign?: string | undefined
  /** Journal vs chain, per worker wallet (undefined if the check itself failed). */
  reconciliation: ReconciliationReport | undefined
  /** JSON-RPC calls and HTTP requests of the whole run (funding and reconciliation included). */
  rpcStats: RpcClientStats
  /** What the start did about earlier crashed runs and the rows they left pending. */
  recovery: CrashRecoveryReport | undefined
  /**
   * Set when the run ended because no endpoint answered for `rpc.max_outage_seconds`, or because
   * every proxy was banned with no direct fallback: the summary is still valid (what was done
   * before), but the run failed (the CLI exits 1 after the summary).
   */
  outage: RunnerRpcOutageError | ProxyAllBannedError | undefined
  /** Requests, failures and bans per configured proxy (masked URLs); empty without proxies. */
  proxies: ProxyDiagnostic[]
}

/**
 * What `afterRun` sees: the chain and the database, still open, after the run settled.
 *
 * @example
 * afterRun: async ({ rpc, database, runId }) => { const rows = await database.db.selectFrom("transactions").selectAll().where("run_id", "=", runId).execute() }
 */
export type RunLoadInspection = {
  rpc: RunnerRpc
  database: DatabaseManager
  runId: string
  chainId: number
  wallets: readonly string[]
  funder: string | undefined
  summary: RunSummary
  reconciliation: ReconciliationReport | undefined
}

/**
 * Options of {@link runLoad}.
 *
 * @example
 * const options: RunLoadOptions = { chain, config, onSnapshot: (snapshot) => render(snapshot) }
 */
export type RunLoadOptions = {
  chain: ChainDefinition
  config: Config
  logger?: RunnerLogger
  /** Called about once per second with live statistics (for the progress display). */
  onSnapshot?: (snapshot: RunSnapshot) => void
  snapshotIntervalMs?: number
  /** Install SIGINT/SIGTERM handlers for the duration of the run (default true). */
  handleSignals?: boolean
  /** Called once the run's proxies are open (e.g. to export their counters); not called without proxies. */
  onProxies?: (proxies: { diagnose(): ProxyDiagnostic[] }) => void
  /** Called once the runner exists (e.g. to stop it from elsewhere). */
  onRunner?: (runner: Runner) => void
  /** Per-wallet funding target in the funding currency (default: 1 unit, e.g. 1 ETH, on the devnet; 0.05 elsewhere). */
  fundingTarget?: bigint
  fundingThreshold?: bigint
  /** How often wallets that spent are re-read and topped up (default 15 s; 0 = never). */
  refillIntervalMs?: number
  /** Override the fee source (default: the per-block fee cache). */
  gas?: RunnerGasManager
  /** Worker-wallet signer: "fast" (default; native secp256k1 with an ethers fallback) or "ethers". */
  signer?: "fast" | "ethers"
  /** Pending-nonce fetcher for keyed lanes (nonceKey ≠ 0); default: the chain's `keyedNonceReader`. Protocol lanes use eth_getTransactionCount. */
  fetchKeyedNonce?: FetchPendingNonce
  /** Grace period after a stop (default 30 s). */
  graceMs?: number
  /** After a dead-RPC stop, how long in-flight work may still drain before the run is aborted (default 5 s). */
  outageGraceMs?: number
  /** Receipt deadline (default 30 blocks / 60 s). */
  dropAfterBlocks?: number
  dropAfterMs?: number
  /** Use eth_sendRawTransactionSync when the chain has the capability (default false). */
  useSendRawTransactionSync?: boolean
  /** Keep a wallet leased until its transactions settle (default true). */
  holdLeaseUntilSettled?: boolean
  /**
   * Run only this shard's wallets (wallet i of the configured set belongs to shard i mod COUNT,
   * 1-based INDEX) and tag the run with it. Applies to generated devnet wallets too.
   */
  shard?: RunShard
  /**
   * The campaign the run is a shard of (`--campaign`, TESTNET_CAMPAIGN). Without it a sharded run
   * (COUNT > 1) joins or founds the campaign derived from its plan (database/campaigns.ts); a lone
   * run has none.
   */
  campaign?: string
  /** Called once the run's row exists, with its id, shard and campaign (e.g. to label metrics). */
  onRunOpened?: (run: { runId: string; shard: RunShard | undefined; campaign: string | undefined }) => void
  /** Host name recorded with the run (default: the machine's host name). */
  host?: string
  /** Where wallet sources read their variables (default `process.env`). */
  environment?: Readonly<Record<string, string | undefined>>
  /** Return leftover funds to the funder after the run (default false). */
  reclaim?: boolean
  toolVersion?: string
  /** Runs after the run settled, while the chain (devnet) and the database are still open. */
  afterRun?: (inspection: RunLoadInspection) => Promise<void>
  /**
   * Called once the runner has stopped and drained, before the journal is reconciled with the chain
   * (one nonce read per wallet): what a caller measures up to here is the load itself, not the
   * end-of-run check (the benchmarks' steady state ends here).
   */
  onSettled?: () => Promise<void> | void
  /** Per-event callbacks of the run (metrics: per-task counters, the inclusion-latency histogram). */
  events?: RunnerEvents
  /** Wraps the run's RPC client (metrics: every request's duration); must keep its behaviour. */
  wrapRpc?: (rpc: RpcClient) => RpcClient
}
