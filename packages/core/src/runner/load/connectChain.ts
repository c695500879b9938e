// The first step of a load run: reach the chain. Starts the embedded devnet when no RPC URL is
// configured (fresh in-memory wallets, the devnet's first account as funder), otherwise loads the
// configured wallets and funder; opens the proxies and the RPC client and checks the chain id.
import { randomBytes } from "node:crypto"
import { hexlify } from "ethers"
import { startDevnet } from "../../devnet/startDevnet.js"
import type { BaseError } from "../../errors/base.js"
import { RunnerChainIdMismatchError } from "../../errors/runner.js"
import { openRunProxies, type RunProxies } from "../../proxy/runProxies.js"
import { Err, Ok, type Result } from "../../result.js"
import { createRpcClient, type RpcClient } from "../../rpc/client.js"
import { getDevnetOptions } from "../../tasks/defineChain.js"
import { createWallet, type Wallet } from "../../wallet/wallet.js"
import { retrySetup, type SetupPolicy } from "../lifecycle/setupRetry.js"
import type { RunnerLogger } from "../ports.js"
import type { LoadResources } from "./loadResources.js"
import type { RunLoadOptions } from "./runLoadOptions.js"
import { keepShard, loadFunder, loadWorkerWallets } from "./workerWallets.js"

/** The setup retry rule of a run, without the per-call logger, signal and log interval. */
export type LoadSetupPolicy = Omit<SetupPolicy, "logger" | "signal" | "waitLogIntervalMs">

/**
 * The chain a load run talks to, once reached.
 *
 * @example
 * const { rpc, chainId, wallets } = (await connectChain(options, resources, logger)).unwrap()
 */
export type ConnectedChain = {
  /** True when the embedded devnet was started (no RPC URL configured). */
  useDevnet: boolean
  rpcUrls: string[]
  chainId: number
  funder: Wallet | undefined
  wallets: Wallet[]
  proxies: RunProxies
  /** The run's RPC client, wrapped by `options.wrapRpc` when given. */
  rpc: RpcClient
  maxOutageMs: number
  setup: LoadSetupPolicy
}

function generateWallets(count: number): Wallet[] {
  return Array.from({ length: count }, () => createWallet(hexlify(randomBytes(32))).unwrap())
}

/**
 * Reaches the chain of a load run; records the devnet, proxies and RPC in `resources`.
 *
 * @example
 * const connected = await connectChain(options, resources, logger)
 * if (connected.isErr()) return connected
 */
export async function connectChain(
  options: RunLoadOptions,
  resources: LoadResources,
  logger: RunnerLogger,
): Promise<Result<ConnectedChain, BaseError>> {
  const { chain, config } = options
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
  const setup: LoadSetupPolicy = {
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
  return Ok({ useDevnet, rpcUrls, chainId, funder, wallets, proxies: proxies.value, rpc, maxOutageMs, setup })
}
