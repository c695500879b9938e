import { Counter } from "@testnet/contracts"
import { getCreateAddress, hexlify, randomBytes, Wallet } from "ethers"
import { describe, expect, it } from "vitest"
import { tempoAddresses } from "../contracts/addresses.js"
import { encodeGetNonce, nonceInterface } from "../contracts/nonce.js"
import { encodeTip20Approve, encodeTip20BalanceOf, encodeTip20Transfer } from "../contracts/tip20.js"
import { call, developmentAccount, rpc, type TestReceipt, waitForReceipt } from "../testing/rpc.js"
import { tempoDevnetForSuite } from "../testing/suiteDevnet.js"
import { expiringNonceKey } from "./constants.js"
import { tempoTransactionHash } from "./hash.js"
import { signTempoTransaction } from "./sign.js"
import { sponsorTempoTransaction } from "./sponsor.js"
import type { SignDigest, TempoCall, TempoTransactionFields } from "./types.js"

const chainId = 42431

// Real anvil in Tempo mode at the newest hardfork it knows (T4: TIP-1000 gas, close to the live networks).
describe("Tempo 0x76 transactions on anvil --network tempo --hardfork T4", () => {
  const anvil = tempoDevnetForSuite()

  const balanceOf = async (token: string, account: string) =>
    BigInt(await call(anvil.rpcUrl, token, encodeTip20BalanceOf(account)))

  const protocolNonce = async (address: string) =>
    BigInt(await rpc<string>(anvil.rpcUrl, "eth_getTransactionCount", [address, "pending"]))

  function baseFields(calls: TempoCall[], nonce: bigint): TempoTransactionFields {
    // T4 charges ~250k per new storage slot / new account, so limits are generous; only gas used is paid.
    return {
      chainId,
      maxPriorityFeePerGas: 1_000_000_000n,
      maxFeePerGas: anvil.maxFeePerGas,
      gasLimit: 3_000_000n,
      calls,
      nonce,
    }
  }

  /** Sends, checks the local hash equals anvil's, waits for the receipt and checks type 0x76 + success. */
  async function sendAndExpectSuccess(raw: string): Promise<TestReceipt> {
    const returnedHash = await rpc<string>(anvil.rpcUrl, "eth_sendRawTransaction", [raw])
    expect(returnedHash).toBe(tempoTransactionHash(raw))
    const receipt = await waitForReceipt(anvil.rpcUrl, returnedHash)
    expect(receipt.type).toBe("0x76")
    expect(receipt.status).toBe("0x1")
    return receipt
  }

  const randomAddress = () => Wallet.createRandom().address

  it("mines a single TIP-20 transfer call", async () => {
    const sender = developmentAccount(0)
    const recipient = randomAddress()
    const fields = baseFields(
      [{ to: tempoAddresses.pathUsd, input: encodeTip20Transfer(recipient, 1_234_567n) }],
      await protocolNonce(sender.address),
    )
    await sendAndExpectSuccess(signTempoTransaction(fields, sender.signDigest))
    expect(await balanceOf(tempoAddresses.pathUsd, recipient)).toBe(1_234_567n)
  })

  it("mines a batch of 3 calls atomically", async () => {
    const sender = developmentAccount(1)
    const recipients = [randomAddress(), randomAddress(), randomAddress()]
    const calls = recipients.map((recipient, index) => ({
      to: tempoAddresses.alphaUsd,
      value: 0n,
      input: encodeTip20Transfer(recipient, BigInt(index + 1) * 1_000n),
    }))
    await sendAndExpectSuccess(
      signTempoTransaction(baseFields(calls, await protocolNonce(sender.address)), sender.signDigest),
    )
    const balances = await Promise.all(
      recipients.map((recipient) => balanceOf(tempoAddresses.alphaUsd, recipient)),
    )
    expect(balances).toEqual([1_000n, 2_000n, 3_000n])
  })

  it("uses a 2D nonce lane (nonceKey ≠ 0) without touching the protocol nonce", async () => {
    const sender = developmentAccount(2)
    const nonceKey = BigInt(hexlify(randomBytes(8)))
    const readLane = async () =>
      nonceInterface.decodeFunctionResult(
        "getNonce",
        await call(anvil.rpcUrl, tempoAddresses.noncePrecompile, encodeGetNonce(sender.address, nonceKey)),
      )[0] as bigint
    const protocolBefore = await protocolNonce(sender.address)
    expect(await readLane()).toBe(0n)
    const fields = {
      ...baseFields([{ to: tempoAddresses.pathUsd, input: encodeTip20Transfer(randomAddress(), 1n) }], 0n),
      nonceKey,
    }
    await sendAndExpectSuccess(signTempoTransaction(fields, sender.signDigest))
    expect(await readLane()).toBe(1n)
    expect(await protocolNonce(sender.address)).toBe(protocolBefore)
  })

  it("mines an expiring-nonce transaction (nonceKey 2^256-1, nonce 0, validBefore soon)", async () => {
    const sender = developmentAccount(5)
    const block = await rpc<{ timestamp: string }>(anvil.rpcUrl, "eth_getBlockByNumber", ["latest", false])
    const fields = {
      ...baseFields([{ to: tempoAddresses.pathUsd, input: encodeTip20Transfer(randomAddress(), 1n) }], 0n),
      nonceKey: expiringNonceKey,
      validBefore: BigInt(block.timestamp) + 20n,
      validAfter: BigInt(block.timestamp) - 5n,
    }
    await sendAndExpectSuccess(signTempoTransaction(fields, sender.signDigest))
  })

  it("pays the fee in the chosen feeToken", async () => {
    // dev3 prefers pathUSD; it transfers pathUSD but pays the fee in BetaUSD.
    const sender = developmentAccount(3)
    const betaBefore = await balanceOf(tempoAddresses.betaUsd, sender.address)
    const fields = {
      ...baseFields(
        [{ to: tempoAddresses.pathUsd, input: encodeTip20Transfer(randomAddress(), 10n) }],
        await protocolNonce(sender.address),
      ),
      feeToken: tempoAddresses.betaUsd,
    }
    await sendAndExpectSuccess(signTempoTransaction(fields, sender.signDigest))
    expect(await balanceOf(tempoAddresses.betaUsd, sender.address)).toBeLessThan(betaBefore)
  })

  it("mines a sponsored transaction from a fresh sender with no balance (dev0 pays, in its chosen token)", async () => {
    const freshKey = Wallet.createRandom()
    const sender: SignDigest = (digest) => freshKey.signingKey.sign(digest)
    const sponsor = developmentAccount(0)
    expect(await balanceOf(tempoAddresses.alphaUsd, freshKey.address)).toBe(0n)
    // dev0 prefers AlphaUSD; as fee payer it picks BetaUSD, which only the fee-payer signature commits to.
    const sponsorBetaBefore = await balanceOf(tempoAddresses.betaUsd, sponsor.address)
    const fields = {
      ...baseFields([{ to: tempoAddresses.pathUsd, input: encodeTip20Approve(sponsor.address, 1n) }], 0n),
      sponsored: true,
    }
    const senderSigned = signTempoTransaction(fields, sender)
    const final = sponsorTempoTransaction(senderSigned, sponsor.signDigest, {
      feeToken: tempoAddresses.betaUsd,
    })
    expect(final.isOk()).toBe(true)
    await sendAndExpectSuccess(final.unwrap())
    expect(await balanceOf(tempoAddresses.betaUsd, sponsor.address)).toBeLessThan(sponsorBetaBefore)
    expect(await balanceOf(tempoAddresses.alphaUsd, freshKey.address)).toBe(0n)
  })

  it("deploys the Counter artifact with a CREATE as calls[0]", async () => {
    const sender = developmentAccount(4)
    const nonce = await protocolNonce(sender.address)
    const fields = { ...baseFields([{ to: null, input: Counter.bytecode }], nonce), gasLimit: 5_000_000n }
    const receipt = await sendAndExpectSuccess(signTempoTransaction(fields, sender.signDigest))
    const expected = getCreateAddress({ from: sender.address, nonce })
    expect(await rpc<string>(anvil.rpcUrl, "eth_getCode", [expected, "latest"])).toBe(
      Counter.deployedBytecode,
    )
    if (receipt.contractAddress !== null)
      expect(receipt.contractAddress.toLowerCase()).toBe(expected.toLowerCase())
  })
})
