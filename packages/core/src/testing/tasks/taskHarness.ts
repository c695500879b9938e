/**
 * Runs a chain's tasks one at a time, with wallets the test chooses, against a real node through
 * core's real pipeline (nonces, per-block fees, journal, receipt tracker) and an in-memory SQLite
 * database, so a test sees each task's Result and can fund, reclaim and inspect in between. For a
 * task run as the workload runs it (funded worker wallets, the whole CLI path), use startTaskRunner.
 */
import { hexlify, randomBytes } from "ethers"
import { parseConfig } from "../../config/parse.js"
import type { DatabaseManager } from "../../database/openDatabase.js"
import { openDatabase } from "../../database/openDatabase.js"
import type { RunRecorder } from "../../database/recorder.js"
import { createTaskDatabase } from "../../database/taskDatabase.js"
import type { FundingHook } from "../../funding/fundingHook.js"
import { fundWallets, reclaimFunds } from "../../funding/fundWallets.js"
import type { createGasManager } from "../../gas/gasManager.js"
import { createRpcClient } from "../../rpc/client.js"
import { createTaskContext } from "../../runner/taskContext.js"
import type { TaskContext } from "../../tasks/context.js"
import type { ChainDefinition } from "../../tasks/defineChain.js"
import type { TaskDefinition, TaskRunResult } from "../../tasks/defineTask.js"
import { createRandom } from "../../tasks/random.js"
import { createWallet, type Wallet } from "../../wallet/wallet.js"
import { createTestPipeline } from "../runner/anvilPipeline.js"

/**
 * A running harness: see {@link createTaskHarness}.
 *
 * @example
 * const [wallet] = harness.newWallets(1)
 */
export type TaskHarness = {
  readonly chainId: number
  readonly rpc: ReturnType<typeof createRpcClient>
  readonly database: DatabaseManager
  readonly recorder: RunRecorder
  /** A context for `wallet`, as the runner would build it for one execution of `taskName`. */
  contextFor(wallet: Wallet, taskName: string, seed?: number): TaskContext
  /** Runs `task` once with `wallet` (its default parameters), then flushes the recorder. */
  run<P>(task: TaskDefinition<P>, wallet: Wallet, seed?: number): Promise<TaskRunResult>
  /** `count` fresh random wallets (in memory). */
  newWallets(count: number): Wallet[]
  /** Tops `wallets` up to `target` with the chain's funding hook, from `funder`. */
  fund(
    hook: FundingHook,
    funder: Wallet,
    wallets: readonly Wallet[],
    target: bigint,
  ): ReturnType<typeof fundWallets>
  /** Returns what `wallets` hold (per the chain's funding hook) to `funderAddress`. */
  reclaim(
    hook: FundingHook,
    funderAddress: string,
    wallets: readonly Wallet[],
  ): ReturnType<typeof reclaimFunds>
  /** The fee cache (fed by the receipt tracker, with the chain's fee policy). */
  readonly gas: ReturnType<typeof createGasManager>
  close(): Promise<void>
}

/**
 * Builds the pipeline around `rpcUrl` (which must serve `chainId`).
 *
 * @example
 * const harness = await createTaskHarness({ rpcUrl: devnet.rpcUrl, chainId: devnet.chainId, chain: tempo })
 * const result = await harness.run(deployCounter, wallet)
 */
export async function createTaskHarness(parameters: {
  rpcUrl: string
  chainId: number
  chain: ChainDefinition
}): Promise<TaskHarness> {
  const { chainId, chain } = parameters
  const rpc = createRpcClient({ endpoints: [parameters.rpcUrl] })
  const database = (await openDatabase({ url: ":memory:" })).unwrap()
  const config = parseConfig({}).unwrap()
  const run = (await database.createRun({ chain: chain.name, chainId, config, toolVersion: "test" })).unwrap()
  const recorder = database.recorder
  const taskDatabase = createTaskDatabase({ queries: database.queries, chainId })
  const { gas, tracker, submitter } = createTestPipeline({
    rpc,
    recorder,
    chainId,
    runId: run.id,
    gas: { feePolicy: chain.feePolicy },
    tracker: { pollIntervalMs: 100, dropAfterMs: 20_000 },
  })
  await tracker.start()
  const logger = { debug() {}, info() {}, warn() {}, error() {} }

  const harness: TaskHarness = {
    chainId,
    rpc,
    database,
    recorder,
    gas,
    contextFor(wallet, taskName, seed = 1) {
      return createTaskContext({
        chain,
        chainId,
        runId: run.id,
        worker: 0,
        taskName,
        wallet,
        submitter,
        tracker,
        rpc,
        gas,
        random: createRandom(seed),
        database: taskDatabase,
        logger,
        signal: AbortSignal.timeout(60_000),
        recorder,
      })
    },
    async run(task, wallet, seed) {
      const result = await task.run(harness.contextFor(wallet, task.name, seed), task.parameters)
      await recorder.flush()
      return result
    },
    newWallets(count) {
      return Array.from({ length: count }, () => createWallet(hexlify(randomBytes(32))).unwrap())
    },
    fund(hook, funder, wallets, target) {
      return fundWallets({
        hook,
        rpc,
        gas,
        submitter,
        funder,
        addresses: wallets.map((wallet) => wallet.address),
        target,
      })
    },
    reclaim(hook, funderAddress, wallets) {
      return reclaimFunds({ hook, rpc, gas, submitter, wallets: [...wallets], funderAddress })
    },
    async close() {
      tracker.stop()
      await recorder.flush()
      await database.close()
      await rpc.close()
    },
  }
  return harness
}
