import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { parseConfig, runLoad } from "@testnet/core/testing"
import { afterAll, expect, it } from "vitest"
import { risechain } from "./chain.js"

const directory = mkdtempSync(join(tmpdir(), "risechain-main-"))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

// What `risechain start` runs (the whole catalog on the embedded devnet), shortened to 12 s, with
// asynchronous broadcasts and with the runner's synchronous mode (the chain has the capability).
it.each([
  ["eth_sendRawTransaction", false],
  ["eth_sendRawTransactionSync", true],
])(
  "a short main-job run (%s) succeeds, leaves nothing pending and its journal agrees with the chain",
  async (_method, useSendRawTransactionSync) => {
    const config = parseConfig({
      durationSeconds: 12,
      database: join(directory, `risechain-${useSendRawTransactionSync}.db`),
      logLevel: "silent",
      seed: 7,
    }).unwrap()
    const report = (
      await runLoad({ chain: risechain, config, handleSignals: false, useSendRawTransactionSync })
    ).unwrap()
    const { summary } = report
    const tasks = Object.values(summary.tasks)
    const runs = tasks.reduce((sum, task) => sum + task.count, 0)
    const successes = tasks.reduce((sum, task) => sum + task.success, 0)
    expect(report.devnet).toBe(true)
    expect(runs).toBeGreaterThan(50)
    expect(successes / runs).toBeGreaterThanOrEqual(0.95)
    expect(summary.transactions.pending).toBe(0)
    expect(summary.transactions.dropped).toBe(0)
    expect(report.reconciliation?.wallets).toBe(10)
    expect(report.reconciliation?.mismatches).toEqual([])
  },
)
