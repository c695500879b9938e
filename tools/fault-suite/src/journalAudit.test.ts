import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { auditJournal, createJsonRpcCaller } from "@testnet/test-helpers"
import Database from "better-sqlite3"
import { keccak256, Wallet } from "ethers"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type AnvilProcess, startAnvil } from "./anvilProcess.js"
import { anvilDevKey } from "./devAccounts.js"

/**
 * The audit itself must catch what it claims to: a journal written by hand against real
 * transactions on a real anvil, with one mistake of each kind.
 */

const chainId = 42431
let anvil: AnvilProcess | undefined
let directory = ""

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), "fault-suite-audit-"))
  anvil = await startAnvil({ chainId, accounts: 2 })
})

afterAll(async () => {
  await anvil?.stop()
  if (directory !== "") rmSync(directory, { recursive: true, force: true })
})

type Receipt = { blockNumber: string; status: string } | null

describe("auditJournal", () => {
  it("reports each kind of disagreement between a journal and the chain", async () => {
    if (anvil === undefined) throw new Error("anvil did not start")
    const node = createJsonRpcCaller(anvil.url)
    const sender = new Wallet(anvilDevKey(1))
    const wallet = sender.address.toLowerCase()
    const base = Number(
      BigInt(await node.call<string>("eth_getTransactionCount", [sender.address, "pending"])),
    )
    // T4 charges a sender's first transaction ~271k gas: below the intrinsic gas anvil drops it silently.
    const fees = { maxFeePerGas: 100_000_000_000n, maxPriorityFeePerGas: 1_000_000_000n }
    const sign = (nonce: number) =>
      sender.signTransaction({
        type: 2,
        chainId,
        nonce,
        to: sender.address,
        value: 0,
        gasLimit: 1_000_000,
        ...fees,
      })
    const raws = await Promise.all([0, 1, 2, 3].map((offset) => sign(base + offset)))
    const hashes = raws.map((raw) => keccak256(raw))
    for (const raw of raws) await node.call("eth_sendRawTransaction", [raw])
    // A nonce five ahead: waits in the pool's queue for ever (a gap).
    await node.call("eth_sendRawTransaction", [await sign(base + 9)])
    let receipts: Receipt[] = []
    for (let attempt = 0; attempt < 40; attempt++) {
      receipts = await node.batch<Receipt>(
        hashes.map((hash) => ({ method: "eth_getTransactionReceipt", params: [hash] })),
      )
      if (receipts.every((receipt) => receipt !== null)) break
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
    const blocks = receipts.map((receipt) => (receipt === null ? -1 : Number(BigInt(receipt.blockNumber))))
    expect(
      blocks.every((block) => block > 0),
      "the test transactions were not mined",
    ).toBe(true)

    const databasePath = join(directory, "audit.db")
    const database = new Database(databasePath)
    database.exec(`
      create table runs (id text primary key, status text, started_at integer, ended_at integer);
      create table transactions (hash text primary key, run_id text, wallet text, nonce_key text, nonce text,
        task text, status text, included_block integer, error_code text);`)
    database.prepare("insert into runs values ('r1', 'running', ?, null)").run(Date.now() - 120_000)
    const insert = database.prepare(
      "insert into transactions values (?, 'r1', ?, '0', ?, 'transfer', ?, ?, null)",
    )
    const [first, second, third] = hashes
    insert.run(first, wallet, String(base), "included", blocks[0]) // right
    insert.run(second, wallet, String(base + 1), "dropped", null) // mined, journal says dropped
    insert.run(third, wallet, String(base + 2), "included", (blocks[2] ?? 0) + 1) // wrong block
    // hashes[3]: mined, never journaled
    insert.run(`0x${"ab".repeat(32)}`, wallet, String(base + 7), "pending", null) // left pending
    insert.run(`0x${"cd".repeat(32)}`, wallet, String(base + 8), "dropped", null) // right: the node never saw it
    database.close()

    const problems = await auditJournal({
      databasePath,
      wallets: [sender.address],
      rpcUrl: anvil.url,
      settleTimeoutMs: 0,
    })
    expect(problems.map((problem) => problem.kind).sort()).toEqual([
      "block-mismatch",
      "left-pending",
      "nonce-gap",
      "not-journaled",
      "run-still-running",
      "status-mismatch",
    ])
    expect(problems.find((problem) => problem.kind === "not-journaled")?.hash).toBe(hashes[3])
    expect(problems.find((problem) => problem.kind === "status-mismatch")?.message).toContain(
      `journal says dropped, the node mined it at block ${blocks[1]} with status 1`,
    )
  })
})
