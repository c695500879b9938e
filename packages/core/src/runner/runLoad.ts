/**
 * `runLoad`: the one call behind the CLI's `start`. Resolves the RPC (embedded devnet when no URL is
 * configured), opens the database, loads or creates wallets, funds them, runs, reconciles, stops
 * the devnet and returns the summary.
 */
import { randomBytes } from "node:crypto"
import { mkdirSync } from "node:fs"
import { dirname } from "node:path"
import { hexlify } from "ethers"
import { resolveDatabaseUrl } from "../config/defaults.js"
import type { Config } from "../config/types.js"
import { isPostgresUrl } from "../database/maskUrl.js"
import type { DatabaseManager } from "../database/openDatabase.js"
import { openDatabase } from "../database/openDatabase.js"
import type { Devnet } from "../devnet/startDevnet.js"
import { startDevnet } from "../devnet/startDevnet.js"
import type { BaseError } from "../errors/base.js"
import { RunnerInvalidPlanError } from "../errors/runner.js"
import type { FetchPendingNonce } from "../nonce/nonceManager.js"
import { Err, Ok, type Result } from "../result.js"
import { createRpcClient, type RpcClient, type RpcClientStats } from "../rpc/client.js"
import { createFastWallets } from "../signing/fastWallet.js"
import { type ChainDefinition, getDevnetOptions } from "../tasks/defineChain.js"
import { createRandom } from "../tasks/random.js"
import { createWalletPool } from "../wallet/pool.js"
import { createWallet, type Wallet } from "../wallet/wallet.js"
import { createChainNonceManager, createConfiguredGasManager } from "./chainPorts.js"
import { createRecorderAdapter, createTaskDatabase } from "./databaseAdapter.js"
import { defaultFundingTarget, nativeFundingHook } from "./fundingHook.js"
import type { RunnerGasManager, RunnerLogger, RunnerRpc } from "./ports.js"
import { silentLogger } from "./ports.js"
import { type ReconciliationReport, reconcileJournal } from "./reconcile.js"
import { createRunner, type Runner } from "./runner.js"
import { formatShard, type RunShard } from "./shard.js"
import { installShutdownHandlers } from "./shutdown.js"
import type { RunSnapshot, RunSummary } from "./statistics.js"
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
}

type Resources = {
  devnet?: Devnet
  rpc?: RpcClient
  database?: DatabaseManager
  uninstallSignals?: () => void
  timer?: ReturnType<typeof setInterval>
}

async function release(resources: Resources) {
  resources.uninstallSignals?.()
  if (resources.timer !== undefined) clearInterval(resources.timer)
  await resources.database?.close()
  await resources.rpc?.close()
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
    const loaded = await loadWorkerWallets({ config, shard: options.shard, environment: options.environment })
    if (loaded.isErr()) return loaded
    wallets = loaded.value
    const loadedFunder = loadFunder(config)
    if (loadedFunder.isErr()) return loadedFunder
    funder = loadedFunder.value
  }

  const rpc = createRpcClient({ endpoints: rpcUrls })
  resources.rpc = rpc
  const reportedChainId = await rpc.request<string>("eth_chainId", [])
  if (reportedChainId.isErr()) return reportedChainId
  if (Number(BigInt(reportedChainId.value)) !== chainId)
    return Err(
      new RunnerInvalidPlanError({
        reason: `the RPC serves chain id ${Number(BigInt(reportedChainId.value))}, the configuration expects ${chainId}`,
      }),
    )

  const databaseUrl = resolveDatabaseUrl(config, chain.name)
  if (databaseUrl !== ":memory:" && !isPostgresUrl(databaseUrl))
    mkdirSync(dirname(databaseUrl), { recursive: true })
  const opened = await openDatabase({ url: databaseUrl })
  if (opened.isErr()) return opened
  const database = opened.value
  resources.database = database
  const run = await database.createRun({
    chain: chain.name,
    chainId,
    config,
    toolVersion: options.toolVersion ?? chain.version,
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.shard === undefined ? {} : { shard: formatShard(options.shard) }),
  })
  if (run.isErr()) return run
  const runId = run.value.id

  const nonces = createChainNonceManager(rpc, options.fetchKeyedNonce ?? chain.keyedNonceReader?.(rpc))
  const gas = options.gas ?? createConfiguredGasManager(chain, config)
  // Worker wallets sign through the fast signer (native libsecp256k1 + lean encoder, ethers as the
  // fallback when the binding cannot load): byte-identical transactions, ~10× less CPU per signature.
  const signers = options.signer === "ethers" ? Ok(wallets) : createFastWallets(wallets)
  if (signers.isErr()) return signers
  // The seed fixes the wallet order too: same seed, same first leases.
  const ordered = createRandom(config.seed).fork("wallets").shuffle(signers.value)
  const pool = createWalletPool(ordered, { cooldownMs: config.leaseCooldownMs })
  const hook = chain.fund ?? nativeFundingHook
  const fundingTarget = options.fundingTarget ?? defaultFundingTarget(hook, { devnet: useDevnet })

  const runner = createRunner({
    chain,
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
      ...(config.seed === undefined ? {} : { seed: config.seed }),
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
  })
  options.onRunner?.(runner)
  if (options.handleSignals ?? true) resources.uninstallSignals = installShutdownHandlers(runner)
  if (options.onSnapshot !== undefined) {
    const onSnapshot = options.onSnapshot
    resources.timer = setInterval(() => onSnapshot(runner.snapshot()), options.snapshotIntervalMs ?? 1000)
    resources.timer.unref()
  }
  const result = await runner.run()
  const status = result.isErr() ? "failed" : runner.stopReason === undefined ? "completed" : "interrupted"
  const finished = await database.finishRun({ runId, status })
  if (finished.isErr()) logger.warn({ code: finished.error.code }, "could not mark the run finished")
  if (result.isErr()) return result
  const addresses = ordered.map((wallet) => wallet.address)
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
    summary: result.value,
    reconciliation,
  })
  return Ok({
    summary: result.value,
    runId,
    chainId,
    databaseUrl,
    rpcUrl: useDevnet ? (rpcUrls[0] ?? "") : (rpc.endpoints[0] ?? ""),
    devnet: useDevnet,
    wallets: addresses,
    shard: options.shard === undefined ? undefined : formatShard(options.shard),
    reconciliation,
    rpcStats: rpc.stats(),
  })
}
