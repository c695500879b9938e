import type { TaskRunner } from "@testnet/core/testing"
import { Interface } from "ethers"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { expectCleanRun, noteMatch } from "../../testing/expectations.js"
import { startRiseTaskRunner } from "../../testing/taskRunner.js"
import {
  approveTransferFrom,
  burnMemeToken,
  createMemeToken,
  mintMemeToken,
  multiTokenBatchTransfer,
  nftMintTransfer,
  transferMemeToken,
} from "./index.js"

const erc20 = new Interface([
  "function balanceOf(address) view returns (uint256)",
  "function totalSupply() view returns (uint256)",
])
const supply = 10n ** 27n

// One devnet and one SQLite file; the meme token tasks run on the SAME wallet (index 0) so they
// reuse the token it created, as they would in a long run.
describe("token tasks on the embedded RISE devnet", () => {
  let runner: TaskRunner
  let token = ""
  const balanceOf = async (holder: string) =>
    BigInt(
      await runner.rpc<string>("eth_call", [
        { to: token, data: erc20.encodeFunctionData("balanceOf", [holder]) },
        "latest",
      ]),
    )
  beforeAll(async () => {
    runner = await startRiseTaskRunner(4)
  })
  afterAll(async () => {
    await runner?.stop()
  })

  it("create_meme_token deploys a token holding the whole supply and records it", async () => {
    const run = await runner.run(createMemeToken)
    token = noteMatch(run, /meme token at (0x[0-9a-fA-F]{40})/)
    const [wallet] = run.report.wallets
    expect(await balanceOf(wallet ?? "")).toBe(supply)
    expectCleanRun(run, "create_meme_token")
  })

  it("transfer_meme_token reuses the wallet's token and pays the recipient", async () => {
    const run = await runner.run(transferMemeToken, { walletIndex: 0 })
    const [amount, , address, , recipient] = (run.result.unwrap().notes[0] ?? "").split(" ")
    expect(address).toBe(token)
    expect(run.result.unwrap().transactions).toHaveLength(1)
    expect(await balanceOf(recipient ?? "")).toBe(BigInt(amount ?? "-1"))
    expectCleanRun(run, "transfer_meme_token")
  })

  it("approve_transfer_from sends approve and transferFrom and the recipient receives the allowance", async () => {
    const run = await runner.run(approveTransferFrom, { walletIndex: 0 })
    const outcome = run.result.unwrap()
    expect(outcome.transactions.map((transaction) => transaction.nonce)).toEqual([2n, 3n])
    expectCleanRun(run, "approve_transfer_from")
  })

  it("mint_meme_token grows the supply", async () => {
    const run = await runner.run(mintMemeToken, { walletIndex: 0 })
    const minted = BigInt(noteMatch(run, /^minted (\d+)/))
    const total = await runner.rpc<string>("eth_call", [
      { to: token, data: erc20.encodeFunctionData("totalSupply") },
      "latest",
    ])
    expect(BigInt(total)).toBe(supply + minted)
    expectCleanRun(run, "mint_meme_token")
  })

  it("burn_meme_token burns from the wallet's balance", async () => {
    const [wallet] = (await runner.run(burnMemeToken, { walletIndex: 0 })).report.wallets
    const before = await balanceOf(wallet ?? "")
    const run = await runner.run(burnMemeToken, { walletIndex: 0 })
    const burned = BigInt(noteMatch(run, /^burned (\d+)/))
    expect(await balanceOf(wallet ?? "")).toBe(before - burned)
    expectCleanRun(run, "burn_meme_token")
  })

  it("nft_mint_transfer mints, records and hands the token to the recipient", async () => {
    const run = await runner.run(nftMintTransfer)
    const outcome = run.result.unwrap()
    // Deploy of the collection, mint, transfer.
    expect(outcome.transactions).toHaveLength(3)
    expect(outcome.notes[0]).toMatch(/^token 1 of 0x[0-9a-fA-F]{40} to 0x/)
    expectCleanRun(run, "nft_mint_transfer")
  })

  it("multi_token_batch_transfer mints three ids and batch-transfers them", async () => {
    const run = await runner.run(multiTokenBatchTransfer)
    const outcome = run.result.unwrap()
    expect(outcome.transactions).toHaveLength(3)
    expect(outcome.notes[0]).toMatch(/^ids \d+,\d+,\d+ to 0x/)
    expectCleanRun(run, "multi_token_batch_transfer")
  })
})
