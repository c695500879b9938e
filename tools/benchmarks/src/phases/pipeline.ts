/**
 * (d) and (e): the framework's own pipeline — createRunner with the nonce manager, the per-block
 * fee cache, local signing (the fast signer, or core's ethers wallets for comparison), the journal
 * committed before every broadcast, the receipt tracker and the SQLite database.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { type ChainDefinition, createWallet, type Wallet } from "@testnet/core"
import { createTaskDatabase, openDatabase } from "@testnet/core/database"
import { createRpcClient } from "@testnet/core/rpc"
import { createGasManager, createNonceManager, createRunner, nativeFundingHook } from "@testnet/core/runner"
import { getDevnetOptions } from "@testnet/core/tasks"
import { createFastWallet, createWalletPool } from "@testnet/core/wallet"
import { hexlify, randomBytes } from "ethers"
import { transferFees, withDevnet } from "../devnet.js"
import { createBlockObserver, percentile } from "../inclusion.js"
import { journalLatencies } from "../journalLatencies.js"
import { createJsonRpc } from "../jsonRpc.js"
import { startMeasurement } from "../measure.js"
import { type PhaseResult, perTransaction } from "./types.js"

/**
 * Options of {@link runPipelinePhase}.
 *
 * @example
 * const options: PipelinePhaseOptions = { id: "d", label: "pipeline", chain: transferChain, count: 20_000, wallets: 1000, workers: 1000, targetTps: 6000, signing: "fast", prefund: true }
 */
export type PipelinePhaseOptions = {
  id: string
  label: string
  chain: ChainDefinition
  count: number
  wallets: number
  workers: number
  targetTps: number
  signing: "fast" | "ethers"
  /** Fund the worker wallets with native transfers before measuring (plain-ETH chains). */
  prefund: boolean
  timeoutMs?: number
  /** Devnet block time (default 1 s). */
  blockTimeSeconds?: number
  /** How long in-flight tasks may settle after the plan ends (default 30 s). */
  graceMs?: number
}

function makeWallet(key: string, signing: "fast" | "ethers"): Wallet {
  return signing === "fast" ? createFastWallet(key).unwrap() : createWallet(key).unwrap()
}

/**
 * Runs the pipeline on a fresh devnet of the chain and measures it.
 *
 * @example
 * const pipeline = await runPipelinePhase({ ...options, signing: "fast" })
 */
export async function runPipelinePhase(options: PipelinePhaseOptions): Promise<PhaseResult> {
  const { chain } = options
  const directory = mkdtempSync(join(tmpdir(), "bench-pipeline-"))
  const devnetOptions = getDevnetOptions(chain, {
    blockTimeSeconds: options.blockTimeSeconds ?? 1,
    gasLimit: 1_000_000_000n,
  })
  try {
    return await withDevnet(devnetOptions, async (devnet) => {
      const chainId = devnet.chainId
      const rpc = createRpcClient({ endpoints: [devnet.rpcUrl], maxBatchSize: 200, maxConcurrentBatches: 4 })
      const dev = devnet.accounts[0]
      if (dev === undefined) throw new Error("the devnet has no dev account")
      const funder = makeWallet(dev.privateKey, options.signing)
      const wallets = Array.from({ length: options.wallets }, () =>
        makeWallet(hexlify(randomBytes(32)), options.signing),
      )
      if (options.prefund) await prefund(rpc, funder, wallets, chainId)
      const opened = await openDatabase({ url: join(directory, `${chain.name}.db`) })
      if (opened.isErr()) throw opened.error
      const database = opened.value
      try {
        const run = (
          await database.createRun({ chain: chain.name, chainId, config: {}, toolVersion: "bench" })
        ).unwrap()
        const runner = createRunner({
          chain,
          chainId,
          runId: run.id,
          plan: {
            targetTps: options.targetTps,
            workers: options.workers,
            count: options.count,
            durationMs: options.timeoutMs ?? 90_000,
            seed: 1,
            graceMs: options.graceMs ?? 30_000,
            holdLeaseUntilSettled: false,
          },
          rpc,
          nonces: createNonceManager({
            fetchPendingNonce: async (lane) =>
              (await rpc.request<string>("eth_getTransactionCount", [lane.address, "pending"])).map(BigInt),
          }),
          gas: createGasManager({ eip1559: chain.capabilities.eip1559 }),
          recorder: database.recorder,
          pool: createWalletPool(wallets, { cooldownMs: 0 }),
          wallets,
          database: createTaskDatabase({ queries: database.queries, chainId }),
          ...(options.prefund
            ? {}
            : {
                funding: {
                  hook: chain.fund ?? nativeFundingHook,
                  funder,
                  target: 10n ** BigInt((chain.fund ?? nativeFundingHook).currency.decimals),
                },
              }),
        })
        // Inclusion is observed from outside the pipeline (own poster, not in its RPC counts): the
        // journal's included_at is the block timestamp, whole seconds, too coarse for latency.
        const observerRpc = createJsonRpc(devnet.rpcUrl)
        const observer = createBlockObserver((method, params) => observerRpc.call(method, params))
        const before = rpc.stats()
        const measuring = startMeasurement(devnet.pid)
        const trace = process.env.BENCH_TRACE
          ? setInterval(() => {
              const snapshot = runner.snapshot()
              console.error(
                JSON.stringify({
                  t: snapshot.elapsedMs,
                  started: snapshot.tasksStarted,
                  inFlight: snapshot.tasksInFlight,
                  skipped: snapshot.skippedStarts,
                  sent: snapshot.sent,
                  included: snapshot.included,
                  pending: snapshot.pendingTransactions,
                  rss: Math.round(process.memoryUsage().rss / 1e6),
                  heap: Math.round(process.memoryUsage().heapUsed / 1e6),
                  external: Math.round(process.memoryUsage().external / 1e6),
                }),
              )
            }, 500)
          : undefined
        const result = await runner.run()
        if (trace) clearInterval(trace)
        const measurement = measuring.stop()
        const after = rpc.stats()
        observer.stop()
        if (result.isErr()) throw result.error
        const summary = result.value
        const latencies = await journalLatencies(database.db, run.id, observer.seenAt)
        const confirmed = summary.transactions.included + summary.transactions.reverted
        const notes: string[] = []
        const receipts = runner.tracker.stats()
        notes.push(
          `receipts: ${receipts.receiptsDerived} settled from their block, ${receipts.receiptsFetched} read from the node`,
        )
        // One eth_getTransactionCount per wallet lane, once per run: setup, not per-transaction cost.
        const nonceReads =
          (after.byMethod.eth_getTransactionCount ?? 0) - (before.byMethod.eth_getTransactionCount ?? 0)
        notes.push(
          `setup ${(summary.setupMs / 1000).toFixed(1)} s, sending ${(summary.durationMs / 1000).toFixed(1)} s, drain ${(summary.drainMs / 1000).toFixed(1)} s`,
        )
        if (summary.transactions.reverted > 0)
          notes.push(`${summary.transactions.reverted} reverted (mined, counted)`)
        if (summary.transactions.rejected + summary.transactions.dropped > 0)
          notes.push(`${summary.transactions.rejected} rejected, ${summary.transactions.dropped} dropped`)
        if (summary.skippedStarts > 0)
          notes.push(`${summary.skippedStarts} starts skipped (no free wallet or recorder full)`)
        if (!options.prefund)
          notes.push("Node CPU and RPC counts include the runner's funding of the worker wallets")
        return {
          id: options.id,
          label: options.label,
          measured: true,
          notes,
          transactions: summary.transactions.sent,
          confirmed,
          confirmedTps: (confirmed * 1000) / summary.durationMs,
          acceptedTps: undefined,
          ...perTransaction(measurement, {
            confirmed,
            calls: after.calls - before.calls,
            httpRequests: after.httpRequests - before.httpRequests,
          }),
          steadyRpcCallsPerTx:
            (after.calls - before.calls - Math.min(nonceReads, options.wallets)) / Math.max(1, confirmed),
          p50InclusionMs: percentile(latencies, 50),
          p99InclusionMs: percentile(latencies, 99),
          measurement,
        }
      } finally {
        await database.close()
        await rpc.close()
      }
    })
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}

type Rpc = ReturnType<typeof createRpcClient>

/** One native transfer per worker wallet from the dev account, all in one tick, then wait. */
async function prefund(rpc: Rpc, funder: Wallet, wallets: readonly Wallet[], chainId: number) {
  const start = BigInt(
    (await rpc.request<string>("eth_getTransactionCount", [funder.address, "pending"])).unwrap(),
  )
  const sends = wallets.map((wallet, index) =>
    rpc.request("eth_sendRawTransaction", [
      funder.signTransaction({
        ...transferFees,
        chainId,
        nonce: Number(start) + index,
        to: wallet.address,
        value: 10n ** 18n,
      }),
    ]),
  )
  for (const sent of await Promise.all(sends)) sent.unwrap()
  const target = start + BigInt(wallets.length)
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    const mined = BigInt(
      (await rpc.request<string>("eth_getTransactionCount", [funder.address, "latest"])).unwrap(),
    )
    if (mined >= target) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error("prefunding did not confirm within 30 s")
}
