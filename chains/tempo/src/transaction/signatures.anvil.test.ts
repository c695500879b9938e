import { hexlify, keccak256, randomBytes, Wallet } from "ethers"
import { describe, expect, it } from "vitest"
import { accountKeychainAddress, encodeRevokeKey } from "../contracts/accountKeychain.js"
import { tempoAddresses } from "../contracts/addresses.js"
import { encodeTip20BalanceOf, encodeTip20Transfer } from "../contracts/tip20.js"
import { developmentAccount, rpc, type TestReceipt, waitForReceipt } from "../testing/rpc.js"
import { tempoDevnetForSuite } from "../testing/suiteDevnet.js"
import { tempoTransactionHash } from "./hash.js"
import { createRandomP256Key } from "./p256.js"
import { serializeTempoTransaction } from "./serialize.js"
import {
  signTempoFeePayer,
  signTempoKeyAuthorization,
  signTempoTransactionAs,
  signTempoTransactionWithAccessKey,
} from "./sign.js"
import { p256Signer, secp256k1Signer, type TempoSigner, webAuthnSigner } from "./signers.js"
import type { TempoCall, TempoTransactionFields } from "./types.js"

const chainId = 42431

// What anvil 1.7.1 (--network tempo --hardfork T4) verifies of the signature types: the node must
// refuse a tampered P256 or WebAuthn signature (it really verifies them), and a keychain v1
// signature after T1C (tempo tt_signature.rs `validate_version`).
describe("signature types on anvil --network tempo --hardfork T4", () => {
  const anvil = tempoDevnetForSuite()

  // A fresh 2D nonce lane per transaction: nonce 0, no protocol-nonce bookkeeping.
  const fields = (calls: TempoCall[]): TempoTransactionFields => ({
    chainId,
    maxPriorityFeePerGas: 1_000_000_000n,
    maxFeePerGas: anvil.maxFeePerGas,
    gasLimit: 3_000_000n,
    calls,
    nonce: 0n,
    nonceKey: BigInt(hexlify(randomBytes(8))),
  })
  const send = (raw: string) => rpc<string>(anvil.rpcUrl, "eth_sendRawTransaction", [raw])
  async function mined(raw: string): Promise<TestReceipt & { from: string }> {
    const hash = await send(raw)
    expect(hash).toBe(tempoTransactionHash(raw))
    const receipt = (await waitForReceipt(anvil.rpcUrl, hash)) as TestReceipt & { from: string }
    expect(receipt.status).toBe("0x1")
    return receipt
  }
  const transfer = (to: string, amount: bigint): TempoCall[] => [
    { to: tempoAddresses.pathUsd, input: encodeTip20Transfer(to, amount) },
  ]

  it("mines a P256 passkey account's call whose fee a secp256k1 sponsor pays", async () => {
    const passkey = p256Signer(createRandomP256Key())
    const sponsor = developmentAccount(6)
    const sponsored = {
      ...fields([{ to: tempoAddresses.pathUsd, input: encodeTip20BalanceOf(passkey.address) }]),
      sponsored: true,
    }
    const feePayerSignature = signTempoFeePayer(sponsored, passkey.address, sponsor.signDigest)
    const receipt = await mined(signTempoTransactionAs({ ...sponsored, feePayerSignature }, passkey))
    expect(receipt.from.toLowerCase()).toBe(passkey.address.toLowerCase())
  })

  it("measures the gas of the same transfer signed by secp256k1, P256 and WebAuthn", async () => {
    const funder = developmentAccount(7)
    const holder = developmentAccount(8).address
    const senders: TempoSigner[] = [
      (() => {
        const wallet = Wallet.createRandom()
        return secp256k1Signer(wallet.address, (digest) => wallet.signingKey.sign(digest))
      })(),
      p256Signer(createRandomP256Key()),
      webAuthnSigner(createRandomP256Key()),
    ]
    await mined(
      signTempoTransactionAs(
        fields(senders.map((sender) => transfer(sender.address, 10_000_000n)[0] as TempoCall)),
        secp256k1Signer(funder.address, funder.signDigest),
      ),
    )
    const gas: bigint[] = []
    for (const sender of senders)
      gas.push(BigInt((await mined(signTempoTransactionAs(fields(transfer(holder, 1n)), sender))).gasUsed))
    const [secp256k1, p256, webAuthn] = gas as [bigint, bigint, bigint]
    // tempo crates/revm/src/handler.rs: P256 verification costs 5,000 gas on top; WebAuthn 5,000
    // plus the calldata cost of its authenticatorData and clientDataJSON (measured 285,746 /
    // 290,746 / 293,370 on 2026-12-03).
    expect(p256 - secp256k1).toBe(5_000n)
    expect(webAuthn - p256).toBeGreaterThan(1_000n)
    expect(webAuthn - p256).toBeLessThan(10_000n)
  })

  it("refuses tampered P256 and WebAuthn signatures at submission", async () => {
    const key = createRandomP256Key()
    const unsigned = fields(transfer(Wallet.createRandom().address, 1n))
    const wrongDigest = keccak256("0xdead")
    for (const signer of [p256Signer(key), webAuthnSigner(key)])
      await expect(send(serializeTempoTransaction(unsigned, signer.sign(wrongDigest)))).rejects.toThrow(
        /Failed to recover the signer/,
      )
  })

  it("mines a keychain v2 signature of an authorized P256 access key and never a v1 one (post-T1C)", async () => {
    const root = developmentAccount(9)
    const accessKey = p256Signer(createRandomP256Key())
    const keyAuthorization = signTempoKeyAuthorization(
      { chainId, keyType: "p256", keyId: accessKey.address },
      secp256k1Signer(root.address, root.signDigest),
    )
    await mined(
      signTempoTransactionAs(
        { ...fields(transfer(root.address, 1n)), keyAuthorization },
        secp256k1Signer(root.address, root.signDigest),
      ),
    )
    const v2 = await mined(
      signTempoTransactionWithAccessKey(fields(transfer(root.address, 1n)), root.address, accessKey),
    )
    expect(v2.from.toLowerCase()).toBe(root.address.toLowerCase())
    // v1 is accepted into the pool but never mined (tempo tt_signature.rs validate_version): no receipt.
    const v1 = signTempoTransactionWithAccessKey(
      fields(transfer(root.address, 1n)),
      root.address,
      accessKey,
      "v1",
    )
    const refused = await send(v1).then(
      (hash) =>
        waitForReceipt(anvil.rpcUrl, hash, 4_000).then(
          () => "mined",
          () => "dropped",
        ),
      () => "refused at submission",
    )
    expect(refused).not.toBe("mined")
  })

  it("never mines a transaction signed by a revoked access key or one whose authorization expired", async () => {
    const root = developmentAccount(5)
    const rootKey = secp256k1Signer(root.address, root.signDigest)
    const revoked = p256Signer(createRandomP256Key())
    const keyAuthorization = signTempoKeyAuthorization(
      { chainId, keyType: "p256", keyId: revoked.address },
      rootKey,
    )
    await mined(signTempoTransactionAs({ ...fields(transfer(root.address, 1n)), keyAuthorization }, rootKey))
    // Control: the key works before it is revoked.
    await mined(signTempoTransactionWithAccessKey(fields(transfer(root.address, 1n)), root.address, revoked))
    await mined(
      signTempoTransactionAs(
        fields([{ to: accountKeychainAddress, input: encodeRevokeKey(revoked.address) }]),
        rootKey,
      ),
    )
    // The same construction with a future expiry is mined in the access-key task tests.
    const expired = p256Signer(createRandomP256Key())
    const block = await rpc<{ timestamp: string }>(anvil.rpcUrl, "eth_getBlockByNumber", ["latest", false])
    const expiredAuthorization = signTempoKeyAuthorization(
      { chainId, keyType: "p256", keyId: expired.address, expiry: BigInt(block.timestamp) - 10n },
      rootKey,
    )
    const attempts = [
      signTempoTransactionWithAccessKey(fields(transfer(root.address, 1n)), root.address, revoked),
      signTempoTransactionWithAccessKey(
        { ...fields(transfer(root.address, 1n)), keyAuthorization: expiredAuthorization },
        root.address,
        expired,
      ),
    ]
    for (const raw of attempts) {
      const outcome = await send(raw).then(
        (hash) =>
          waitForReceipt(anvil.rpcUrl, hash, 4_000).then(
            () => "mined",
            () => "dropped",
          ),
        () => "refused at submission",
      )
      expect(outcome).not.toBe("mined")
    }
  })
})
