/**
 * `runLoad`: the one call behind the CLI's `start`. Resolves the RPC (embedded devnet when no URL is
 * configured), opens the database, loads or creates wallets, funds them, runs, reconciles, stops
 * the devnet and returns the summary.
 */
import { randomBytes } from "node:crypto"
import { hexlify } from "ethers"
import { configDefaults, resolveDatabaseUrl } from "../../config/defaults.js"
import type { Config } from "../../config/types.js"
import { prepareDatabasePath } from "../../database/databasePath.js"
import type { DatabaseManager } from "../../database/openDatabase.js"
import { openDatabase } from "../../database/openDatabase.js"
import type { Devnet } from "../../devnet/startDevnet.js"
import { startDevnet } from "../../devnet/startDevnet.js"
import type { BaseError } from "../../errors/base.js"
import type { ProxyAllBannedError } from "../../errors/proxy.js"
import { RunnerChainIdMismatchError, RunnerRpcOutageError } from "../../errors/runner.js"
import { defaultFundingTarget, nativeFundingHook } from "../../funding/nativeFundingHook.js"
import { checkPlanFunding } from "../../funding/planFunding.js"
import type { FetchPendingNonce } from "../../nonce/nonceManager.js"
import type { ProxyDiagnostic } from "../../proxy/proxyManager.js"
import { openRunProxies, type RunProxies } from "../../proxy/runProxies.js"
import { Err, Ok, type Result } from "../../result.js"
import { createRpcClient, type RpcClient, type RpcClientStats } from "../../rpc/client.js"
import { createFastWallets } from "../../signing/fastWallet.js"
import { type ChainDefinition, getDevnetOptions } from "../../tasks/defineChain.js"
import { createRandom } from "../../tasks/random.js"
import { createWalletPool } from "../../wallet/pool.js"
import { createWallet, type Wallet } from "../../wallet/wallet.js"
import { createChainNonceManager, createConfiguredGasManager } from "../chainPorts.js"
import { createRecorderAdapter, createTaskDatabase } from "../databaseAdapter.js"
import { type CrashRecoveryReport, recoverCrashedRuns } from "../lifecycle/crashRecovery.js"
import { startOutageWatchdog } from "../lifecycle/outageWatchdog.js"
import { startProxyBanWatch } from "../lifecycle/proxyBanWatch.js"
import { retrySetup, type SetupPolicy } from "../lifecycle/setupRetry.js"
import { installShutdownHandlers } from "../lifecycle/shutdown.js"
import type { RunnerGasManager, RunnerLogger, RunnerRpc } from "../ports.js"
import { silentLogger } from "../ports.js"
import { type ReconciliationReport, reconcileJournal } from "../reconcile.js"
import { createRunner, type Runner } from "../run/runner.js"
import type { RunnerEvents } from "../runnerEvents.js"
import { summaryWithJournalLatency } from "../statistics/journalLatency.js"
import type { RunSnapshot, RunSummary } from "../statistics/statistics.js"
import { checkConfiguredFeePlan } from "./feePlanCheck.js"
import { formatShard, type RunShard } from "./shard.js"
import { keepShard, loadFunder, loadWorkerWallets } from "./workerWallets.js"

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
  /** Host name recorded with the run (default: the machine's host name). */
  host?: string
  /** Where wallet sources read their variables (default `process.env`). */
  environment?: Readonly<Record<string, string | undefined>>
  /** Return leftover funds to the funder after the run (default false). */
  reclaim?: boolean
  toolVersion?: string
  /** Runs after the run settled, while the chain (devnet) and the database are still open. */
  afterRun?: (inspection: RunLoadInspection) => Promise<void>
  /** Per-event callbacks of the run (metrics: per-task counters, the inclusion-latency histogram). */
  events?: RunnerEvents
  /** Wraps the run's RPC client (metrics: every request's duration); must keep its behaviour. */
  wrapRpc?: (rpc: RpcClient) => RpcClient
}

type Resources = {
  devnet?: Devnet
  rpc?: RpcClient
  proxies?: RunProxies
  database?: DatabaseManager
  uninstallSignals?: () => void
  timer?: ReturnType<typeof setInterval>
  heartbeat?: ReturnType<typeof setInterval>
  stopWatchdog?: () => void
  /** A run row created but not finished yet (an early return closes it as failed). */
  openRunId?: string | undefined
}

async function release(resources: Resources) {
  resources.uninstallSignals?.()
  resources.stopWatchdog?.()
  if (resources.timer !== undefined) clearInterval(resources.timer)
  if (resources.heartbeat !== undefined) clearInterval(resources.heartbeat)
  if (resources.openRunId !== undefined)
    await resources.database?.finishRun({ runId: resources.openRunId, status: "failed" })
  await resources.database?.close()
  await resources.rpc?.close()
  await resources.proxies?.close()
  await resources.devnet?.stop()
}

function generateWallets(count: number): Wallet[] {
  return Array.from({ length: count }, () => createWallet(hexlify(randomBytes(32))).unwrap())
}

/**
 * Runs a load test end to end and always cleans up (devnet stopped, database closed) before returning.
 *
 * @example
 * const config = (await loadConfig({ flags: { durationSeconds: 10, targetTps: 20 } })).unwrap()
 * const report = await runLoad({ chain: myChain, config })
 * if (report.isOk()) console.log(report.value.summary.transactions)
 */
export async function runLoad(options: RunLoadOptions): Promise<Result<RunLoadReport, BaseError>> {
  const resources: Resources = {}
  try {
    return await runWith(options, resources)
  } finally {
    await release(resources)
  }
}

async function runWith(
  options: RunLoadOptions,
  resources: Resources,
): Promise<Result<RunLoadReport, BaseError>> {
  const { chain, config } = options
  const logger = options.logger ?? silentLogger
  const useDevnet = config.rpcUrls.length === 0
  // Checked before anything starts: a bad path must not cost a devnet start or leave a directory.
  const databaseUrl = resolveDatabaseUrl(config, chain.name)
  const databasePath = prepareDatabasePath(databaseUrl, {
    createDirectory: config.database === configDefaults.database,
  })
  if (databasePath.isErr()) return databasePath
  let rpcUrls = [...config.rpcUrls]
  let chainId = config.chainId ?? chain.chainId
  let funder: Wallet | undefined
  let wallets: Wallet[]

  if (useDevnet) {
    const devnetOptions = getDevnetOptions(chain, { blockTimeSeconds: config.blockTimeSeconds })
    const started = await startDevnet(devnetOptions)
    if (started.isErr()) return started
    resources.devnet = started.value
    rpcUrls = [started.value.rpcUrl]
    chainId = started.value.chainId
    const dev = started.value.accounts[0]
    if (dev !== undefined) funder = createWallet(dev.privateKey).unwrap()
    // Fresh throw-away worker wallets, in memory only; a shard keeps its slice of the generated set.
    const generated = keepShard(generateWallets(config.wallets.count), config.wallets.count, options.shard)
    if (generated.isErr()) return generated
    wallets = generated.value
    logger.info({ rpcUrl: started.value.rpcUrl, chainId, wallets: wallets.length }, "embedded devnet started")
  } else {
    // Every shard loads the same configured set and keeps its own disjoint slice of it.
    // No source configured: the wallets are derived from the funder key and wallets.seed.
    const loaded = await loadWorkerWallets({
      config,
      shard: options.shard,
      environment: options.environment,
      chain,
    })
    if (loaded.isErr()) return loaded
    wallets = loaded.value
    const loadedFunder = loadFunder(config)
    if (loadedFunder.isErr()) return loadedFunder
    funder = loadedFunder.value
  }

  // Every request of the run (sends, reads, tracker, funding) goes through the configured proxies.
  const proxies = await openRunProxies({
    proxies: config.proxies,
    banMs: config.proxies.banSeconds * 1000,
    check: { rpcUrl: rpcUrls[0] ?? "", timeoutMs: config.rpc.timeoutMs },
  })
  if (proxies.isErr()) return proxies
  resources.proxies = proxies.value
  if (proxies.value.size > 0) options.onProxies?.(proxies.value)
  const client = createRpcClient({
    endpoints: rpcUrls,
    timeoutMs: config.rpc.timeoutMs,
    ...proxies.value.rpcOptions,
  })
  const rpc = options.wrapRpc === undefined ? client : options.wrapRpc(client)
  resources.rpc = rpc
  const maxOutageMs = config.rpc.maxOutageSeconds * 1000
  const setupStartedAt = Date.now()
  // Setup steps retry transient faults until the RPC has been silent for the outage window, and
  // at most three windows in all.
  const setup: Omit<SetupPolicy, "logger" | "signal" | "waitLogIntervalMs"> = {
    startedAt: setupStartedAt,
    deadlineAt: setupStartedAt + 3 * maxOutageMs,
    maxOutageMs,
    lastAnswerAt: () => rpc.stats().lastAnswerAt,
    endpoints: rpc.endpoints,
  }
  const reportedChainId = await retrySetup(
    `the chain id from ${rpc.endpoints.join(", ")}`,
    (signal) => rpc.request<string>("eth_chainId", [], { signal }),
    { ...setup, logger },
  )
  if (reportedChainId.isErr()) return reportedChainId
  const servedChainId = Number(BigInt(reportedChainId.value))
  if (servedChainId !== chainId)
    return Err(
      new RunnerChainIdMismatchError({
        endpoint: rpc.endpoints[0] ?? "",
        served: servedChainId,
        expected: chainId,
      }),
    )

  // Before anything is sent or written: a fee cap below base fee + tip signs nothing includable.
  const feePlan = await checkConfiguredFeePlan({ rpc, config, eip1559: chain.capabilities.eip1559 })
  if (feePlan.isErr()) return feePlan

  // Before anything is sent or written: can the funder (with what the wallets hold) pay for the plan?
  let planPerWallet: bigint | undefined
  if (!useDevnet && funder !== undefined) {
    const planned = await checkPlanFunding({
      chain,
      config,
      rpc,
      hook: chain.fund ?? nativeFundingHook,
      funder: funder.address,
      wallets: wallets.map((wallet) => wallet.address),
    })
    if (planned.isErr()) return planned
    planPerWallet = planned.value.perWallet
    logger.info(
      { tasks: planned.value.tasks, gasPerTask: planned.value.gasPerTask, perWallet: String(planPerWallet) },
      "funding covers the plan",
    )
  }

  const opened = await openDatabase({ url: databaseUrl })
  if (opened.isErr()) return opened
  const database = opened.value
  resources.database = database
  // Before this run exists: close what crashed runs left open and settle their pending rows from
  // the chain (an embedded devnet is a new chain: its rows cannot be looked up there).
  const recovered = await recoverCrashedRuns({
    rpc,
    database,
    chainId,
    reconcileTransactions: !useDevnet,
    logger,
  })
  if (recovered.isErr()) logger.warn({ code: recovered.error.code }, "crash recovery failed")
  const recovery = recovered.isOk() ? recovered.value : undefined
  // One seed for every random choice (wallet order, task picks, delays), drawn when none is
  // configured, stored and printed so any run can be replayed with --seed.
  const seed = config.seed ?? createRandom().seed
  const run = await database.createRun({
    chain: chain.name,
    chainId,
    config,
    seed: String(seed),
    toolVersion: options.toolVersion ?? chain.version,
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.shard === undefined ? {} : { shard: formatShard(options.shard) }),
  })
  if (run.isErr()) return run
  const runId = run.value.id
  resources.openRunId = runId
  // A heartbeat, so a start elsewhere (shared database) can tell this run from a crashed one.
  resources.heartbeat = setInterval(() => void database.heartbeat(runId), 10_000)
  resources.heartbeat.unref()

  const nonces = createChainNonceManager(rpc, options.fetchKeyedNonce ?? chain.keyedNonceReader?.(rpc))
  const gas = options.gas ?? createConfiguredGasManager(chain, config)
  // Worker wallets sign through the fast signer (native libsecp256k1 + lean encoder, ethers as the
  // fallback when the binding cannot load): byte-identical transactions, ~10× less CPU per signature.
  const signers = options.signer === "ethers" ? Ok(wallets) : createFastWallets(wallets)
  if (signers.isErr()) return signers
  // The seed fixes the wallet order too: same seed, same first leases.
  const ordered = createRandom(seed).fork("wallets").shuffle(signers.value)
  const pool = createWalletPool(ordered, { cooldownMs: config.leaseCooldownMs })
  const hook = chain.fund ?? nativeFundingHook
  // Without an explicit target, each wallet starts with its share of the plan (when larger than the
  // default), so refills only top up instead of racing a wallet running dry.
  const defaultTarget = defaultFundingTarget(hook, { devnet: useDevnet })
  const fundingTarget =
    options.fundingTarget ??
    (planPerWallet !== undefined && planPerWallet > defaultTarget ? planPerWallet : defaultTarget)

  const runner = createRunner({
    chain,
    ...(options.events === undefined ? {} : { events: options.events }),
    chainId,
    runId,
    plan: {
      targetTps: config.targetTps,
      workers: config.workers,
      ...(config.durationSeconds === undefined ? {} : { durationMs: config.durationSeconds * 1000 }),
      ...(config.count === undefined ? {} : { count: config.count }),
      minDelayMs: config.minDelayMs,
      maxDelayMs: config.maxDelayMs,
      taskWeights: config.taskWeights,
      ...(config.tasks === undefined ? {} : { taskFilter: config.tasks }),
      seed,
      taskTimeoutMs: config.taskTimeoutMs,
      ...(options.graceMs === undefined ? {} : { graceMs: options.graceMs }),
      ...(options.holdLeaseUntilSettled === undefined
        ? {}
        : { holdLeaseUntilSettled: options.holdLeaseUntilSettled }),
    },
    rpc,
    nonces,
    gas,
    recorder: createRecorderAdapter({ recorder: database.recorder, runId, chainId }),
    pool,
    wallets: ordered,
    // Funded and reclaimed with the workers, never leased (Tempo: the stable fee sponsor).
    serviceWallets: funder === undefined ? [] : (chain.serviceWallets?.(funder) ?? []),
    database: createTaskDatabase({ queries: database.queries, chainId }),
    logger,
    funding: {
      hook,
      funder,
      target: fundingTarget,
      ...(options.fundingThreshold === undefined ? {} : { threshold: options.fundingThreshold }),
      reclaimAtEnd: options.reclaim ?? false,
      ...(options.refillIntervalMs === undefined ? {} : { refillIntervalMs: options.refillIntervalMs }),
    },
    tracker: {
      ...(options.dropAfterBlocks === undefined ? {} : { dropAfterBlocks: options.dropAfterBlocks }),
      ...(options.dropAfterMs === undefined ? {} : { dropAfterMs: options.dropAfterMs }),
    },
    useSendRawTransactionSync:
      (options.useSendRawTransactionSync ?? false) && chain.capabilities.sendRawTransactionSync === true,
    setup,
  })
  options.onRunner?.(runner)
  let outage: RunnerRpcOutageError | ProxyAllBannedError | undefined
  const watchdog = startOutageWatchdog({
    lastAnswerAt: () => rpc.stats().lastAnswerAt,
    maxOutageMs,
    onOutage(silentMs) {
      outage = new RunnerRpcOutageError({
        endpoints: rpc.endpoints,
        silentSeconds: Math.round(silentMs / 1000),
        maxOutageSeconds: config.rpc.maxOutageSeconds,
      })
      logger.error({ endpoints: rpc.endpoints, silentMs }, "no RPC endpoint answers; stopping the run")
      // Stop scheduling, let what can finish drain briefly, then give up on the rest.
      runner.stop("rpc outage")
      setTimeout(() => runner.abort("rpc outage"), options.outageGraceMs ?? 5000).unref()
    },
  })
  // Every proxy banned and no direct fallback: nothing can reach the node; stop like an outage.
  const banWatch = startProxyBanWatch({
    allBanned: () => proxies.value.allBanned(),
    onAllBanned(error) {
      if (outage !== undefined) return
      outage = error
      logger.error({ proxies: proxies.value.size }, "every proxy is banned; stopping the run")
      runner.stop("all proxies banned")
      setTimeout(() => runner.abort("all proxies banned"), options.outageGraceMs ?? 5000).unref()
    },
  })
  resources.stopWatchdog = () => {
    watchdog.stop()
    banWatch.stop()
  }
  if (options.handleSignals ?? true) resources.uninstallSignals = installShutdownHandlers(runner)
  if (options.onSnapshot !== undefined) {
    const onSnapshot = options.onSnapshot
    resources.timer = setInterval(() => onSnapshot(runner.snapshot()), options.snapshotIntervalMs ?? 1000)
    resources.timer.unref()
  }
  const result = await runner.run()
  watchdog.stop()
  banWatch.stop()
  const status =
    result.isErr() || outage !== undefined
      ? "failed"
      : runner.stopReason === undefined
        ? "completed"
        : "interrupted"
  const finished = await database.finishRun({
    runId,
    status,
    ...(result.isOk() ? { sendingWindow: result.value.sendingWindow } : {}),
    proxyStats: proxies.value.diagnose().map((diagnostic) => ({
      proxy: diagnostic.proxy,
      requests: diagnostic.successes + diagnostic.failures,
      failures: diagnostic.failures,
      bans: diagnostic.bans,
    })),
  })
  resources.openRunId = undefined
  if (finished.isErr()) logger.warn({ code: finished.error.code }, "could not mark the run finished")
  // A dead RPC during funding surfaces as the funding's failure; the outage is the real reason.
  if (result.isErr()) return outage === undefined ? result : Err(outage)
  // One truth: the summary's inclusion latencies come from the journal, as in `db stats` and the report.
  const summary = await summaryWithJournalLatency(result.value, database, runId, chain.feeCurrency)
  const addresses = ordered.map((wallet) => wallet.address)
  if (outage !== undefined)
    // Nothing more is asked of a dead RPC: no reconciliation, no report lookups.
    return Ok({
      summary,
      runId,
      seed,
      chainId,
      databaseUrl,
      rpcUrl: rpc.endpoints[0] ?? "",
      devnet: useDevnet,
      wallets: addresses,
      shard: options.shard === undefined ? undefined : formatShard(options.shard),
      reconciliation: undefined,
      rpcStats: rpc.stats(),
      recovery,
      outage,
      proxies: proxies.value.diagnose(),
    })
  const reconciled = await reconcileJournal({
    rpc,
    db: database.db,
    runId,
    addresses,
    freshWallets: useDevnet,
  })
  const reconciliation = reconciled.isOk() ? reconciled.value : undefined
  if (reconciliation !== undefined && reconciliation.mismatches.length > 0)
    logger.warn(
      { mismatches: reconciliation.mismatches.length },
      "journal and chain disagree for some wallets",
    )
  await options.afterRun?.({
    rpc,
    database,
    runId,
    chainId,
    wallets: addresses,
    funder: funder?.address,
    summary,
    reconciliation,
  })
  return Ok({
    summary,
    runId,
    seed,
    chainId,
    databaseUrl,
    rpcUrl: useDevnet ? (rpcUrls[0] ?? "") : (rpc.endpoints[0] ?? ""),
    devnet: useDevnet,
    wallets: addresses,
    shard: options.shard === undefined ? undefined : formatShard(options.shard),
    reconciliation,
    rpcStats: rpc.stats(),
    recovery,
    outage: undefined,
    proxies: proxies.value.diagnose(),
  })
}
