// Test support for chain packages: runs one catalog task at a time through the runner's own
// single-task path (`runLoad` with a one-task catalog, count 1, one worker — what the CLI's
// `run <task>` does), so a task test exercises the journal, the receipt tracker and the
// reconciliation, against ONE devnet and ONE SQLite file per test file (tasks see each other's
// recorded contracts as "earlier runs").
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { hexlify, randomBytes, Wallet } from "ethers"
import { parseConfig } from "../../config/parse.js"
import { openDatabase } from "../../database/openDatabase.js"
import { createTaskDatabase } from "../../database/taskDatabase.js"
import { type Devnet, startDevnet } from "../../devnet/startDevnet.js"
import type { BaseError } from "../../errors/base.js"
import { defaultFundingTarget, nativeFundingHook } from "../../funding/nativeFundingHook.js"
import type { Result } from "../../result.js"
import { createRpcClient } from "../../rpc/client.js"
import { type RunLoadReport, runLoad } from "../../runner/load/runLoad.js"
import type { TaskContext, TaskDatabase } from "../../tasks/context.js"
import { type ChainDefinition, getDevnetOptions } from "../../tasks/defineChain.js"
import { defineTask, type TaskDefinition, type TaskRunResult } from "../../tasks/defineTask.js"
import { checkCleanRun } from "../../tasks/kit/checkCleanRun.js"
import { succeeded } from "../../tasks/kit/succeeded.js"

/**
 * What one task run produced: the task's own Result and the runner's report.
 *
 * @example
 * const { result, report } = await runner.run(selfTransfer)
 */
export type TaskRun = { readonly result: TaskRunResult; readonly report: RunLoadReport }

/**
 * A shared devnet and database for one test file; see {@link startTaskRunner}.
 *
 * @example
 * const runner: TaskRunner = await startTaskRunner({ chain, wallets: 4 })
 */
export type TaskRunner = {
  readonly devnet: Devnet
  /** The SQLite file every run of this runner records into. */
  readonly databasePath: string
  /**
   * Runs `task` once through `runLoad` with the next fresh pre-funded wallet, or with wallet
   * `walletIndex` (fresh runs take wallets 0, 1, 2 … in order). `seed` fixes the run's random
   * choices (default: the config's).
   */
  run(task: TaskDefinition, options?: { walletIndex?: number; seed?: number }): Promise<TaskRun>
  /** `run`, then throws unless {@link checkCleanRun} finds nothing wrong; the task's own Result. */
  runClean(task: TaskDefinition, options?: { walletIndex?: number; seed?: number }): Promise<TaskRunResult>
  /** The address of pre-funded wallet `walletIndex` (known before any run uses it). */
  walletAddress(walletIndex: number): string
  /** What a task of wallet `walletIndex` reads: its address, `eth_call` and the records so far. */
  viewAs(walletIndex: number): Pick<TaskContext, "address" | "call" | "database">
  /** JSON-RPC against the devnet; throws on an error answer (test support). */
  rpc<T>(method: string, parameters: readonly unknown[]): Promise<T>
  /** Stops the devnet and deletes the database. */
  stop(): Promise<void>
}

/**
 * Options of {@link startTaskRunner}.
 *
 * @example
 * const options: TaskRunnerOptions = { chain: risechain, wallets: 12, fundingTarget: 10n * 10n ** 18n }
 */
export type TaskRunnerOptions = {
  /** The chain: its devnet recipe is started, its funding hook funds the wallets. */
  readonly chain: ChainDefinition
  /** How many fresh wallets to create and fund up front (one per `run` without `walletIndex`). */
  readonly wallets: number
  /** Per-wallet funding target in the funding currency (default: 1 unit, runLoad's devnet default); runs top up below a tenth of it. */
  readonly fundingTarget?: bigint
}

const keyVariable = "TASK_RUNNER_KEYS"

/** A task that sends nothing: the run that funds every wallet at once through the chain's hook. */
const fundOnly = defineTask({
  name: "task_runner_fund_wallets",
  category: "testing",
  weight: 1,
  description: "Sends nothing; the run exists to fund the test wallets.",
  run: async () => succeeded([]),
})

/**
 * Starts the chain's devnet recipe (`startDevnet(getDevnetOptions(chain))`) and funds `wallets`
 * throw-away keys in one funding run (the chain's own funding hook, dev account 0 as the funder),
 * so the task runs that follow skip funding. Call `stop()` in `afterAll`.
 *
 * @example
 * const runner = await startTaskRunner({ chain: risechain, wallets: 12 })
 * try {
 *   const { result, report } = await runner.run(deployCounter)
 * } finally {
 *   await runner.stop()
 * }
 */
export async function startTaskRunner(options: TaskRunnerOptions): Promise<TaskRunner> {
  const started = await startDevnet(getDevnetOptions(options.chain))
  if (started.isErr()) throw started.error
  const devnet = started.value
  const directory = mkdtempSync(join(tmpdir(), `${options.chain.name}-tasks-`))
  const databasePath = join(directory, "tasks.db")
  const client = createRpcClient({ endpoints: [devnet.rpcUrl] })
  const keys = Array.from({ length: options.wallets }, () => hexlify(randomBytes(32)))
  let nextFresh = 0
  // runLoad only picks its devnet default when it starts the devnet itself; this one is ours.
  const fundingTarget =
    options.fundingTarget ?? defaultFundingTarget(options.chain.fund ?? nativeFundingHook, { devnet: true })

  async function runOnce(
    task: TaskDefinition,
    walletKeys: readonly string[],
    seed?: number,
  ): Promise<TaskRun> {
    let captured: TaskRunResult | undefined
    const single: TaskDefinition = {
      ...task,
      weight: 1,
      async run(context, parameters) {
        captured = await task.run(context, parameters)
        return captured
      },
    }
    const config = parseConfig({
      rpcUrls: [devnet.rpcUrl],
      chainId: devnet.chainId,
      wallets: { count: walletKeys.length, sources: [{ kind: "environment", variable: keyVariable }] },
      database: databasePath,
      count: 1,
      workers: 1,
      logLevel: "silent",
      ...(seed === undefined ? {} : { seed }),
      funder: { key: devnet.accounts[0]?.privateKey },
    }).unwrap()
    const report = await runLoad({
      chain: { ...options.chain, tasks: [single] },
      config,
      handleSignals: false,
      environment: { [keyVariable]: walletKeys.join(",") },
      fundingTarget,
      fundingThreshold: fundingTarget / 10n,
    })
    if (report.isErr()) throw report.error
    if (captured === undefined) throw new Error(`task ${task.name} did not run`)
    return { result: captured, report: report.value }
  }

  // Opened per read, between runs: each run opens and closes the file itself.
  async function readRecords<T>(read: (database: TaskDatabase) => Promise<Result<T, BaseError>>) {
    const opened = await openDatabase({ url: databasePath })
    if (opened.isErr()) return opened
    try {
      return await read(createTaskDatabase({ queries: opened.value.queries, chainId: devnet.chainId }))
    } finally {
      await opened.value.close()
    }
  }

  const stop = async () => {
    await client.close()
    await devnet.stop()
    rmSync(directory, { recursive: true, force: true })
  }

  try {
    if (keys.length > 0) {
      const funding = await runOnce(fundOnly, keys)
      if (funding.report.wallets.length !== keys.length)
        throw new Error("startTaskRunner: funding run lost wallets")
    }
  } catch (error) {
    await stop()
    throw error
  }

  const records: TaskDatabase = {
    contractsByKind: (parameters) => readRecords((database) => database.contractsByKind(parameters)),
    assetsByKind: (parameters) => readRecords((database) => database.assetsByKind(parameters)),
  }

  const runner: TaskRunner = {
    devnet,
    databasePath,
    async run(task, runOptions) {
      const key = keys[runOptions?.walletIndex ?? nextFresh++]
      if (key === undefined) throw new Error("startTaskRunner: out of pre-funded wallets")
      return runOnce(task, [key], runOptions?.seed)
    },
    async runClean(task, runOptions) {
      const done = await runner.run(task, runOptions)
      const problems = checkCleanRun(done, task.name)
      if (problems.length > 0) throw new Error(`${task.name}: ${problems.join("; ")}`)
      return done.result
    },
    walletAddress(walletIndex) {
      const key = keys[walletIndex]
      if (key === undefined) throw new Error(`startTaskRunner: no wallet ${walletIndex}`)
      return new Wallet(key).address
    },
    viewAs(walletIndex) {
      return {
        address: runner.walletAddress(walletIndex),
        call: (request) =>
          client.request<string>("eth_call", [
            { to: request.to, data: request.data },
            request.blockTag ?? "latest",
          ]),
        database: records,
      }
    },
    async rpc<T>(method: string, parameters: readonly unknown[]) {
      return (await client.request<T>(method, parameters)).unwrap()
    },
    stop,
  }
  return runner
}
