import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { tempo, tempoFeeTokens, tip20ReclaimGasLimit } from "@testnet/tempo"
import Database from "better-sqlite3"
import { afterAll, describe, expect, it } from "vitest"
import { type AnvilProcess, startAnvil } from "./anvilProcess.js"
import { anvilDevKey } from "./devAccounts.js"
import { jsonRpc } from "./jsonRpc.js"
import { killStartedClis, startChainCli } from "./tempoCli.js"

// The first run on a "real network" (an anvil the test starts, not the embedded devnet) with only
// TESTNET_FUNDER_KEY set: the worker wallets are derived from it, funded, used, reused by a second
// run and emptied back to the funder by `wallets reclaim`.

type Summary = {
  tasks: Record<string, { count: number; success: number }>
  transactions: { pending: number }
}

const directories: string[] = []
const anvils: AnvilProcess[] = []

afterAll(async () => {
  killStartedClis()
  await Promise.all(anvils.map((anvil) => anvil.stop()))
  for (const directory of directories) rmSync(directory, { recursive: true, force: true })
})

function summaryOf(stdout: string): Summary {
  const line = stdout.split("\n").find((text) => text.startsWith('{"type":"summary"'))
  if (line === undefined) throw new Error(`no summary line in:\n${stdout.slice(-2000)}`)
  return JSON.parse(line) as Summary
}

/** Wallets that sent transactions, by run. */
function walletsByRun(databasePath: string): Map<string, Set<string>> {
  const database = new Database(databasePath, { readonly: true })
  try {
    const rows = database.prepare("select run_id, wallet from transactions").all() as {
      run_id: string
      wallet: string
    }[]
    const byRun = new Map<string, Set<string>>()
    for (const row of rows) {
      const set = byRun.get(row.run_id) ?? new Set<string>()
      set.add(row.wallet.toLowerCase())
      byRun.set(row.run_id, set)
    }
    return byRun
  } finally {
    database.close()
  }
}

const chains = [
  {
    chain: "tempo" as const,
    chainId: 42431,
    start: (chainId: number) => startAnvil({ chainId }),
    // Fees are paid in TIP-20 (6 decimals); gas prices are attodollars. Reclaim returns every fee
    // token in one batched transaction, so the leftover is summed over all four.
    leftover: async (url: string, address: string) => {
      let total = 0n
      for (const token of tempoFeeTokens)
        total += BigInt(
          await jsonRpc<string>(url, "eth_call", [
            { to: token, data: `0x70a08231${address.slice(2).toLowerCase().padStart(64, "0")}` },
            "latest",
          ]),
        )
      return total
    },
    // One transaction's fee: what the reclaim itself must reserve, its gas limit × the maxFeePerGas
    // Tempo's fee policy signs at (the declared ceiling while the base fee fits under it, else 2 ×
    // base fee); a wallet holding less in all tokens together cannot pay for one more transaction.
    oneTransactionFee: (gasPrice: bigint) => {
      const { maxFee } = tempo.feePolicy
      const cap =
        maxFee.kind === "ceiling" && gasPrice <= maxFee.maxFeePerGas ? maxFee.maxFeePerGas : 2n * gasPrice
      return (tip20ReclaimGasLimit(tempoFeeTokens.length) * cap) / 10n ** 12n
    },
  },
  {
    chain: "risechain" as const,
    chainId: 11155931,
    start: (chainId: number) => startAnvil({ chainId, network: "ethereum" }),
    leftover: async (url: string, address: string) =>
      BigInt(await jsonRpc<string>(url, "eth_getBalance", [address, "latest"])),
    // A plain transfer at the fee cap (2 × base fee + tip): what a reclaim leaves is below it.
    oneTransactionFee: (gasPrice: bigint) => 21_000n * gasPrice * 2n,
  },
]

describe.each(chains)("$chain start on a real network with only TESTNET_FUNDER_KEY", (setup) => {
  it("runs on derived wallets, reuses them on a second run, and reclaims them", async () => {
    const anvil = await setup.start(setup.chainId)
    anvils.push(anvil)
    const directory = mkdtempSync(join(tmpdir(), `first-run-${setup.chain}-`))
    directories.push(directory)
    const databasePath = join(directory, "runs.db")
    const environment = { TESTNET_FUNDER_KEY: anvilDevKey(3) }
    const cli = (argv: string[], deadlineMs = 60_000) =>
      startChainCli({ chain: setup.chain, argv, environment, cwd: directory, deadlineMs }).done
    const start = (duration: number) =>
      cli([
        "start",
        "--rpc-url",
        anvil.url,
        "--duration",
        String(duration),
        "--db",
        databasePath,
        "--no-report",
        "--json",
      ])

    const first = await start(20)
    expect(first.exitCode, first.stderr.slice(-3000)).toBe(0)
    const summary = summaryOf(first.stdout)
    const tasks = Object.values(summary.tasks)
    const started = tasks.reduce((sum, task) => sum + task.count, 0)
    const succeeded = tasks.reduce((sum, task) => sum + task.success, 0)
    expect(tasks.filter((task) => task.success > 0).length).toBeGreaterThanOrEqual(25)
    expect(succeeded / started).toBeGreaterThanOrEqual(0.99)
    expect(summary.transactions.pending).toBe(0)

    const listed = await cli(["wallets", "list", "--json"], 20_000)
    expect(listed.exitCode, listed.stderr).toBe(0)
    const derived = new Set(
      (JSON.parse(listed.stdout) as { address: string }[]).map((row) => row.address.toLowerCase()),
    )
    expect(derived.size).toBe(10)

    const second = await start(5)
    expect(second.exitCode, second.stderr.slice(-3000)).toBe(0)
    const runs = [...walletsByRun(databasePath).values()]
    expect(runs).toHaveLength(2)
    for (const wallets of runs) {
      const workers = [...wallets].filter((wallet) => derived.has(wallet))
      // Besides the derived workers, only the funder (funding) and a chain service wallet may send.
      expect(wallets.size - workers.length).toBeLessThanOrEqual(2)
      expect(workers.length).toBeGreaterThanOrEqual(5)
    }

    const reclaimed = await cli(["wallets", "reclaim", "--rpc-url", anvil.url, "--json"], 60_000)
    expect(reclaimed.exitCode, reclaimed.stderr).toBe(0)
    const gasPrice = BigInt(await jsonRpc<string>(anvil.url, "eth_gasPrice", []))
    const fee = setup.oneTransactionFee(gasPrice)
    const leftovers = new Map<string, bigint>()
    for (const address of derived) leftovers.set(address, await setup.leftover(anvil.url, address))
    for (const [address, leftover] of leftovers) expect(leftover, address).toBeLessThan(fee)
  }, 120_000)
})
