import { createWallet, type Wallet } from "@testnet/core"
import { createTaskHarness, type TaskHarness } from "@testnet/core/testing"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { tempo } from "../../chain.js"
import {
  accountKeychainAddress,
  decodeAccessKeyInfo,
  encodeGetKey,
  encodeGetRemainingLimit,
} from "../../contracts/accountKeychain.js"
import { tempoAddresses } from "../../contracts/addresses.js"
import { encodeTip20BalanceOf } from "../../contracts/tip20.js"
import { createTip20FundingHook } from "../../funding/tip20Funding.js"
import { startTempoTestDevnet } from "../../testing/devnet.js"
import {
  accessKeyAuthorize,
  accessKeyCallScope,
  accessKeyPayment,
  accessKeyRevoke,
  accessKeySpendingLimit,
  accessKeysTasks,
} from "./index.js"

const keyIdIn = (note: string | undefined) => /access key (0x[0-9a-fA-F]{40})/.exec(note ?? "")?.[1] ?? ""

// anvil 1.7.1 --network tempo --hardfork T4 runs the AccountKeychain precompile, key
// authorizations, keychain (v2) signatures with secp256k1/P256/WebAuthn inner signatures, spending
// limits and call scopes: every task here runs against it and is checked on chain.
describe("access-key tasks on the embedded Tempo devnet", () => {
  let stop: () => Promise<void> = async () => {}
  let harness: TaskHarness
  let wallets: Wallet[]
  const wallet = (index: number) => wallets[index] as Wallet
  const keyOf = async (account: string, keyId: string) => {
    const returned = await harness.contextFor(wallet(0), "check").call({
      to: accountKeychainAddress,
      data: encodeGetKey(account, keyId),
    })
    return decodeAccessKeyInfo(returned.unwrap())
  }

  beforeAll(async () => {
    const devnet = await startTempoTestDevnet()
    stop = devnet.stop
    harness = await createTaskHarness({ rpcUrl: devnet.rpcUrl, chainId: devnet.chainId, chain: tempo })
    const funder = createWallet(devnet.accounts[0]?.privateKey ?? "").unwrap()
    wallets = harness.newWallets(5)
    ;(await harness.fund(createTip20FundingHook(), funder, wallets, 2n * 10n ** 6n)).unwrap()
  })
  afterAll(async () => {
    await harness?.close()
    await stop()
  })

  it("lists five tasks, two of them expected failures", () => {
    expect(accessKeysTasks.map((task) => [task.name, task.expectedFailure])).toEqual([
      [accessKeyAuthorize.name, false],
      [accessKeyPayment.name, false],
      [accessKeySpendingLimit.name, true],
      [accessKeyCallScope.name, true],
      [accessKeyRevoke.name, false],
    ])
  })

  it("access_key_authorize registers keys of every type with their expiry and limits", async () => {
    const types = new Set<number>()
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const outcome = (await harness.run(accessKeyAuthorize, wallet(0), seed)).unwrap()
      const key = await keyOf(wallet(0).address, keyIdIn(outcome.notes[0]))
      expect(key.keyId).toBe(keyIdIn(outcome.notes[0]))
      expect(key.enforceLimits).toBe(true)
      expect(key.isRevoked).toBe(false)
      expect(outcome.notes[0]).toContain(`until ${key.expiry}`)
      types.add(key.signatureType)
    }
    expect([...types].sort()).toEqual([0, 1, 2])
  })

  it("access_key_payment authorizes a key on the wallet's first payment, then reuses it", async () => {
    const notes: string[] = []
    for (const seed of [1, 2, 3]) {
      const outcome = (await harness.run(accessKeyPayment, wallet(1), seed)).unwrap()
      expect(outcome.expectedFailure).toBe(false)
      expect(outcome.transactions).toHaveLength(1)
      notes.push(outcome.notes[0] ?? "")
    }
    expect(notes.map((note) => note.split(" ")[0])).toEqual(["newly", "existing", "existing"])
    expect(new Set(notes.map(keyIdIn)).size).toBe(1)
    const key = await keyOf(wallet(1).address, keyIdIn(notes[0]))
    expect(key.enforceLimits).toBe(true)
    // Each payment leaves less of the limit (amount + fee).
    const left = notes.map((note) => BigInt(/; at least (\d+) of/.exec(note)?.[1] ?? "-1"))
    expect(left[1]).toBeLessThan(left[0] ?? 0n)
    expect(left[2]).toBeLessThan(left[1] ?? 0n)
    // The task reads nothing: it counts down a lower bound of the limit left (payments and their
    // worst-case fees) and checks delivery by the Transfer event. The chain agrees: the limit left
    // is at least that bound and below the limit less the payments, and the last recipient holds
    // the amount.
    const [, amount, label, recipient] =
      / paid (\d+) (\w+) to (0x[0-9a-fA-F]{40});/.exec(notes[2] ?? "") ?? []
    const token = {
      pathUSD: tempoAddresses.pathUsd,
      AlphaUSD: tempoAddresses.alphaUsd,
      BetaUSD: tempoAddresses.betaUsd,
    }[label as "pathUSD"]
    const check = harness.contextFor(wallet(0), "check")
    const onChainLeft = await check.call({
      to: accountKeychainAddress,
      data: encodeGetRemainingLimit(wallet(1).address, keyIdIn(notes[0]), token),
    })
    const onChainRemaining = BigInt(onChainLeft.unwrap().slice(0, 66))
    const paid = notes.reduce((sum, note) => sum + BigInt(/ paid (\d+) /.exec(note)?.[1] ?? "0"), 0n)
    expect(onChainRemaining).toBeGreaterThanOrEqual(left[2] ?? 2n ** 256n)
    expect(onChainRemaining).toBeLessThan(5_000_000n - paid)
    const received = await check.call({ to: token, data: encodeTip20BalanceOf(recipient ?? "") })
    expect(BigInt(received.unwrap())).toBe(BigInt(amount ?? "-1"))
  })

  it("access_key_spending_limit: the over-limit payment reverts, the key stays authorized", async () => {
    const outcome = (await harness.run(accessKeySpendingLimit, wallet(2))).unwrap()
    expect(outcome.expectedFailure).toBe(true)
    expect(outcome.notes.join(" ")).toMatch(/reverted as expected.*over-limit payment of 500001 refused/)
  })

  it("access_key_call_scope: the out-of-scope call reverts, the key stays scoped", async () => {
    const outcome = (await harness.run(accessKeyCallScope, wallet(3))).unwrap()
    expect(outcome.expectedFailure).toBe(true)
    expect(outcome.notes.join(" ")).toMatch(/transfer refused for a key scoped to/)
  })

  it("access_key_revoke authorizes then revokes a key", async () => {
    const outcome = (await harness.run(accessKeyRevoke, wallet(4))).unwrap()
    expect(outcome.transactions).toHaveLength(2)
    expect((await keyOf(wallet(4).address, keyIdIn(outcome.notes[0]))).isRevoked).toBe(true)
    // The revoke went out right behind the authorization, before the latter was mined.
    const [authorization, revoke] = outcome.transactions
    const row = (await harness.database.queries.getTransaction({ hash: authorization?.hash ?? "" })).unwrap()
    expect(revoke?.sentAt).toBeLessThan(row?.includedAt ?? 0)
  })
})
