// Test support only (not exported from the package): runs one catalog task at a time through the
// runner's own single-task path (`runLoad` with a one-task catalog, count 1, one worker — what the
// CLI's `run <task>` does) against ONE shared devnet and ONE SQLite file per test file, so tasks see
// each other's recorded contracts as "earlier runs".
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import {
  type ChainDefinition,
  type Devnet,
  getDevnetOptions,
  parseConfig,
  type RunLoadReport,
  runLoad,
  startDevnet,
  type TaskDefinition,
  type TaskRunResult,
} from "@testnet/core"
import { hexlify, randomBytes, toQuantity, Wallet } from "ethers"
import { risechain } from "../chain.js"

/**
 * What one task run produced: the task's own Result and the runner's report.
 *
 * @example
 * const { result, report } = await runner.run(selfTransfer)
 */
export type TaskRun = { result: TaskRunResult; report: RunLoadReport }

/**
 * A shared devnet + database for one test file; see {@link startTaskRunner}.
 *
 * @example
 * const runner: TaskRunner = await startTaskRunner({ wallets: 4 })
 */
export type TaskRunner = {
  readonly devnet: Devnet
  readonly databasePath: string
  /** Runs `task` once with a fresh pre-funded wallet (or the wallet of an earlier run by index). */
  run(task: TaskDefinition, options?: { walletIndex?: number }): Promise<TaskRun>
  /** JSON-RPC against the devnet (throws on an error answer). */
  rpc<T>(method: string, params: readonly unknown[]): Promise<T>
  stop(): Promise<void>
}

const keyVariable = "RISECHAIN_TEST_TASK_KEY"

async function jsonRpc<T>(url: string, method: string, params: readonly unknown[]): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  })
  const body = (await response.json()) as { result?: T; error?: { message: string } }
  if (body.error !== undefined) throw new Error(`${method}: ${body.error.message}`)
  return body.result as T
}

/**
 * Starts the chain's devnet (plain anvil, chain id 11155931, 1 s blocks) and pre-funds `wallets`
 * throw-away keys with 10 ETH each from dev account 1 (one block for all of them), so the runs
 * skip funding.
 *
 * @example
 * const runner = await startTaskRunner({ wallets: 12 })
 * const { result } = await runner.run(deployCounter)
 */
export async function startTaskRunner(parameters: { wallets: number }): Promise<TaskRunner> {
  const started = await startDevnet(getDevnetOptions(risechain))
  if (started.isErr()) throw started.error
  const devnet = started.value
  const directory = mkdtempSync(join(tmpdir(), "risechain-test-"))
  const databasePath = join(directory, "risechain.db")
  const rpc = <T>(method: string, params: readonly unknown[]) => jsonRpc<T>(devnet.rpcUrl, method, params)
  const keys = Array.from({ length: parameters.wallets }, () => hexlify(randomBytes(32)))
  try {
    const dev1 = devnet.accounts[1]?.address
    // One at a time: anvil gives concurrent eth_sendTransaction calls of one account the same nonce.
    const hashes: string[] = []
    for (const key of keys)
      hashes.push(
        await rpc<string>("eth_sendTransaction", [
          { from: dev1, to: new Wallet(key).address, value: toQuantity(10n * 10n ** 18n) },
        ]),
      )
    for (const hash of hashes) {
      for (let attempt = 0; attempt < 100; attempt++) {
        if ((await rpc<unknown>("eth_getTransactionReceipt", [hash])) !== null) break
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    }
  } catch (error) {
    await devnet.stop()
    throw error
  }
  let next = 0
  const used: string[] = []
  return {
    devnet,
    databasePath,
    rpc,
    async run(task, options) {
      const key = options?.walletIndex === undefined ? keys[next++] : used[options.walletIndex]
      if (key === undefined) throw new Error("startTaskRunner: out of pre-funded wallets")
      if (options?.walletIndex === undefined) used.push(key)
      let captured: TaskRunResult | undefined
      const single: TaskDefinition = {
        ...task,
        weight: 1,
        async run(context, taskParameters) {
          captured = await task.run(context, taskParameters)
          return captured
        },
      }
      const chain: ChainDefinition = { ...risechain, tasks: [single] }
      const config = parseConfig({
        rpcUrls: [devnet.rpcUrl],
        chainId: devnet.chainId,
        wallets: { count: 1, sources: [{ kind: "environment", variable: keyVariable }] },
        database: databasePath,
        count: 1,
        workers: 1,
        logLevel: "silent",
        funder: { key: devnet.accounts[0]?.privateKey },
      }).unwrap()
      process.env[keyVariable] = key
      try {
        const report = await runLoad({
          chain,
          config,
          handleSignals: false,
          fundingTarget: 10n ** 18n,
          fundingThreshold: 10n ** 17n,
        })
        if (report.isErr()) throw report.error
        if (captured === undefined) throw new Error(`task ${task.name} did not run`)
        return { result: captured, report: report.value }
      } finally {
        delete process.env[keyVariable]
      }
    },
    async stop() {
      await devnet.stop()
      rmSync(directory, { recursive: true, force: true })
    },
  }
}
