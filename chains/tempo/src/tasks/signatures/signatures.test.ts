import { createWallet, type Wallet } from "@testnet/core"
import { createTaskHarness, type TaskHarness } from "@testnet/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { tempo } from "../../chain.js"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeTip20BalanceOf } from "../../contracts/tip20.js"
import { createTip20FundingHook } from "../../funding/tip20Funding.js"
import { startTempoTestDevnet } from "../../testing/devnet.js"
import { p256Transfer, signaturesTasks, webAuthnTransfer } from "./index.js"

type MinedTransaction = { type: string; from: string; signature: { type: string } }

// anvil 1.7.1 --network tempo --hardfork T4 verifies P256 (type 0x01) and WebAuthn (type 0x02)
// sender signatures: both tasks run against it and are checked on chain.
describe("signature tasks on the embedded Tempo devnet", () => {
  let stop: () => Promise<void> = async () => {}
  let harness: TaskHarness
  let wallets: Wallet[]
  const wallet = (index: number) => wallets[index] as Wallet

  beforeAll(async () => {
    const devnet = await startTempoTestDevnet()
    stop = devnet.stop
    harness = await createTaskHarness({ rpcUrl: devnet.rpcUrl, chainId: devnet.chainId, chain: tempo })
    const funder = createWallet(devnet.accounts[0]?.privateKey ?? "").unwrap()
    wallets = harness.newWallets(2)
    ;(await harness.fund(createTip20FundingHook(), funder, wallets, 10n ** 6n)).unwrap()
  })
  afterAll(async () => {
    await harness?.close()
    await stop()
  })

  it("lists both tasks", () => {
    expect(signaturesTasks.map((task) => task.name)).toEqual([p256Transfer.name, webAuthnTransfer.name])
  })

  // Seeded recipients repeat across runs (same seeds, same draws): expect what each received in total.
  const expected = new Map<string, bigint>()
  it.each([
    [p256Transfer.name, p256Transfer, 0, "p256"],
    [webAuthnTransfer.name, webAuthnTransfer, 1, "webAuthn"],
  ] as const)("%s: a fresh account signs a transfer the node mines", async (_name, task, index, kind) => {
    for (const seed of [1, 2]) {
      const outcome = (await harness.run(task, wallet(index), seed)).unwrap()
      const note = outcome.notes[0] ?? ""
      expect(note).toMatch(
        new RegExp(`^${kind} account 0x[0-9a-fA-F]{40} paid \\d+ \\w+ to 0x[0-9a-fA-F]{40} in 0x`),
      )
      const hash = /in (0x[0-9a-f]{64})$/.exec(note)?.[1] ?? ""
      // The node's view of the mined transaction names the signature type it verified.
      const mined = (await harness.rpc.request<MinedTransaction>("eth_getTransactionByHash", [hash])).unwrap()
      expect(mined.type).toBe("0x76")
      expect(mined.signature.type).toBe(kind)
      expect(mined.from.toLowerCase()).toBe(/account (0x[0-9a-fA-F]{40})/.exec(note)?.[1]?.toLowerCase())
      // The task checks the Transfer event; the recipient's balance on chain agrees.
      const [, amount, label, recipient] = / paid (\d+) (\w+) to (0x[0-9a-fA-F]{40})/.exec(note) ?? []
      const token = {
        pathUSD: tempoAddresses.pathUsd,
        AlphaUSD: tempoAddresses.alphaUsd,
        BetaUSD: tempoAddresses.betaUsd,
      }[label as "pathUSD"]
      const balance = (
        await harness.rpc.request<string>("eth_call", [
          { to: token, data: encodeTip20BalanceOf(recipient ?? "") },
          "latest",
        ])
      ).unwrap()
      const key = `${token}:${recipient}`
      expected.set(key, (expected.get(key) ?? 0n) + BigInt(amount ?? "-1"))
      expect(BigInt(balance)).toBe(expected.get(key))
    }
  })
})
