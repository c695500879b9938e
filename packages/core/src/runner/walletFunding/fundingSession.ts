/**
 * Funding outside a run: `wallets fund` and `wallets reclaim`. The same pieces as a run (per-block
 * fee cache, local nonces, the submission pipeline, per-block receipts), without the scheduler.
 * These transactions are not journaled in the database (there is no run to attach them to): the
 * commands print every hash instead.
 */

import type { Config } from "../../config/types.js"
import type { RunRecorder } from "../../database/recorder.js"
import type { BaseError } from "../../errors/base.js"
import { RunnerChainIdMismatchError, RunnerInvalidPlanError } from "../../errors/runner.js"
import type { FundingHook } from "../../funding/fundingHook.js"
import type { FundingTransferRecord } from "../../funding/fundWallets.js"
import { nativeFundingHook } from "../../funding/nativeFundingHook.js"
import { createSenderLimit } from "../../inflight/senderLimit.js"
import { openRunProxies } from "../../proxy/runProxies.js"
import { Err, Ok, type Result } from "../../result.js"
import { createRpcClient, type RpcClient } from "../../rpc/client.js"
import type { ChainDefinition } from "../../tasks/defineChain.js"
import { createChainNonceManager, createConfiguredGasManager } from "../chainPorts.js"
import type { RunnerGasManager, RunnerLogger } from "../ports.js"
import { silentLogger } from "../ports.js"
import { createReceiptTracker, type ReceiptTracker } from "../receiptTracker.js"
import { createSubmitter, type Submitter } from "../submitter.js"

/**
 * What a funding command did, for printing.
 *
 * @example
 * console.log(`${report.transfers.length} transaction(s), ${report.total} base units`)
 */
export type FundingCommandReport = {
  action: "fund" | "reclaim"
  chainId: number
  /** The funder (fund: the sender; reclaim: the receiver). */
  funder: string
  currency: { symbol: string; decimals: number }
  /** Wallets looked at. */
  wallets: number
  /** Sum of the amounts sent, in base units. */
  total: bigint
  transfers: FundingTransferRecord[]
}

/**
 * The pipeline a funding command sends through, connected to a checked RPC.
 *
 * @example
 * const session = (await openFundingSession({ chain, config })).unwrap()
 * try { await fundWallets({ ...session.ports, funder, addresses, target }) } finally { await session.close() }
 */
export type FundingSession = {
  chainId: number
  hook: FundingHook
  ports: { hook: FundingHook; rpc: RpcClient; gas: RunnerGasManager; submitter: Submitter }
  close(): Promise<void>
}

/** Journal rows stay in memory: a funding command has no run to record them under. */
const memoryRecorder: RunRecorder = {
  journalTransactions: async () => Ok(undefined),
  updateTransactions: () => true,
  recordTaskMetric: () => true,
  recordCreatedContract: () => true,
  recordCreatedAsset: () => true,
  flush: async () => Ok(undefined),
  underPressure: () => false,
}

/**
 * Connects to the configured RPC (a real network: the embedded devnet's balances would vanish),
 * checks the chain id, and starts the receipt tracker (which also fills the fee cache).
 *
 * @example
 * const session = await openFundingSession({ chain, config, command: "tempo wallets fund" })
 * if (session.isErr()) return session
 */
export async function openFundingSession(parameters: {
  chain: ChainDefinition
  config: Config
  /** Named in the error when no RPC URL is configured. */
  command?: string
  logger?: RunnerLogger
}): Promise<Result<FundingSession, BaseError>> {
  const { chain, config } = parameters
  const command = parameters.command ?? "funding"
  if (config.rpcUrls.length === 0)
    return Err(
      new RunnerInvalidPlanError({
        reason: `${command} needs --rpc-url (or rpc_urls): an embedded devnet would forget the balances when it stops`,
      }),
    )
  const logger = parameters.logger ?? silentLogger
  // Funding traffic goes through the configured proxies, like a run's.
  const proxies = await openRunProxies({
    proxies: config.proxies,
    check: { rpcUrl: config.rpcUrls[0] ?? "", timeoutMs: config.rpc.timeoutMs },
  })
  if (proxies.isErr()) return proxies
  const proxied = createRpcClient({
    endpoints: [...config.rpcUrls],
    timeoutMs: config.rpc.timeoutMs,
    ...proxies.value.rpcOptions,
  })
  const rpc: RpcClient = {
    ...proxied,
    async close() {
      await proxied.close()
      await proxies.value.close()
    },
  }
  const expected = config.chainId ?? chain.chainId
  const reported = await rpc.request<string>("eth_chainId", [])
  if (reported.isErr()) {
    await rpc.close()
    return reported
  }
  const chainId = Number(BigInt(reported.value))
  if (chainId !== expected) {
    await rpc.close()
    return Err(
      new RunnerChainIdMismatchError({ endpoint: rpc.endpoints[0] ?? "", served: chainId, expected }),
    )
  }
  const gas = createConfiguredGasManager(chain, config)
  const nonces = createChainNonceManager(rpc, chain.keyedNonceReader?.(rpc))
  const tracker: ReceiptTracker = createReceiptTracker({
    priorityFeeMethod: chain.capabilities.eip1559 ? "eth_maxPriorityFeePerGas" : "eth_gasPrice",
    rpc,
    recorder: memoryRecorder,
    nonces,
    gas,
    logger,
  })
  const submitter = createSubmitter({
    chainId,
    runId: "funding",
    rpc,
    nonces,
    gas,
    recorder: memoryRecorder,
    tracker,
    logger,
    senderLimit: createSenderLimit({ limit: chain.maxInFlightPerSender ?? 16 }),
  })
  await tracker.start()
  const hook = chain.fund ?? nativeFundingHook
  return Ok({
    chainId,
    hook,
    ports: { hook, rpc, gas, submitter },
    async close() {
      tracker.stop()
      await rpc.close()
    },
  })
}
