import { inspect } from "node:util"
import { getAddress, keccak256, SigningKey, Transaction, type TransactionLike } from "ethers"
import { describe, expect, it } from "vitest"
import { devKeys } from "../testing/signing/equivalence.js"
import { createWallet } from "../wallet/wallet.js"
import { createFastWallet, createFastWallets } from "./fastWallet.js"
import { toLeanTransaction } from "./leanTransaction.js"

const [key, otherKey] = devKeys() as [string, string]
const reference = createWallet(key).unwrap()
const to = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"
const base = {
  type: 2,
  chainId: 31337,
  nonce: 7,
  to,
  value: 1n,
  gasLimit: 21_000n,
  maxFeePerGas: 3n * 10n ** 9n,
  maxPriorityFeePerGas: 10n ** 9n,
} satisfies TransactionLike<string>

describe.each(["native", "ethers"] as const)("createFastWallet (%s backend)", (backend) => {
  const fast = createFastWallet(key, { backend }).unwrap()

  it("hashes natively unless the backend is ethers (the all-JavaScript path)", () => {
    expect(fast.keccakBackend).toBe(backend === "native" ? "native" : "js")
  })

  it("derives the same address from a key as core's wallet, and keeps a wallet's address", () => {
    expect(fast.address).toBe(reference.address)
    expect(createFastWallet(reference, { backend }).unwrap().address).toBe(reference.address)
    expect(createFastWallet(fast, { backend }).unwrap().address).toBe(reference.address)
  })

  it("signs shapes outside the lean path through ethers, byte-identically", () => {
    const shapes: TransactionLike<string>[] = [
      { ...base, accessList: [{ address: to, storageKeys: [`0x${"11".repeat(32)}`] }] },
      { ...base, type: 1, maxFeePerGas: null, maxPriorityFeePerGas: null, gasPrice: 5n },
      { ...base, value: "1000", gasLimit: "0x5208" },
      { ...base, type: null },
    ]
    for (const shape of shapes) {
      expect(toLeanTransaction(shape)).toBeUndefined()
      expect(fast.signTransaction(shape)).toBe(reference.signTransaction(shape))
    }
  })

  it("rejects what ethers rejects: bad checksum, priority above max fee, negative value, foreign from", () => {
    const badChecksum = to.replace("C8", "c8")
    const invalid: TransactionLike<string>[] = [
      { ...base, to: badChecksum },
      { ...base, maxPriorityFeePerGas: base.maxFeePerGas + 1n },
      { ...base, value: -1n },
      { ...base, from: to },
      { ...base, nonce: 2 ** 60 },
    ]
    for (const transaction of invalid) {
      expect(() => reference.signTransaction(transaction)).toThrow()
      expect(() => fast.signTransaction(transaction)).toThrow()
    }
  })

  it("produces a transaction that ethers parses back to the same sender and fields", () => {
    const parsed = Transaction.from(fast.signTransaction({ ...base, to: null, data: "0x6001600055" }))
    expect([parsed.from, parsed.nonce, parsed.to, parsed.data]).toEqual([
      reference.address,
      7,
      null,
      "0x6001600055",
    ])
  })

  it("returns the hash of the signed bytes with signTransactionWithHash, lean path or not", () => {
    for (const shape of [base, { ...base, value: "5" }] as TransactionLike<string>[]) {
      const { raw, hash } = fast.signTransactionWithHash(shape)
      expect(raw).toBe(reference.signTransaction(shape))
      expect(hash).toBe(keccak256(raw))
    }
  })

  it("signs digests like ethers' SigningKey, from bytes or hex, and refuses other lengths", () => {
    const digest = `0x${"ab".repeat(32)}`
    const expected = new SigningKey(key).sign(digest)
    expect(fast.signDigest(digest).serialized).toBe(expected.serialized)
    expect(fast.signDigest(Buffer.from("ab".repeat(32), "hex")).serialized).toBe(expected.serialized)
    const { signDigest } = fast
    expect(signDigest(digest).serialized).toBe(expected.serialized)
    expect(() => fast.signDigest("0x1234")).toThrow(/32 bytes/)
  })

  it("never shows the key: string, JSON, inspect, keys", () => {
    const shown = [
      String(fast),
      JSON.stringify(fast),
      inspect(fast, { showHidden: true }),
      Object.keys(fast).join(),
    ]
    for (const text of shown) expect(text.toLowerCase()).not.toContain(key.slice(2).toLowerCase())
    expect(String(fast)).toBe(`FastWallet(${reference.address})`)
    expect(JSON.parse(JSON.stringify(fast))).toEqual({ address: reference.address })
  })
})

describe("createFastWallet inputs", () => {
  it("refuses an invalid key without echoing it", () => {
    const result = createFastWallet("0x1234zz")
    expect(result.isErr() && result.error.code).toBe("WALLET_INVALID_KEY_FORMAT")
    expect(result.isErr() && result.error.message).not.toContain("1234zz")
  })

  it("wraps many wallets at once", () => {
    const wallets = [reference, createWallet(otherKey).unwrap()]
    const fast = createFastWallets(wallets).unwrap()
    expect(fast.map((wallet) => wallet.address)).toEqual(wallets.map((wallet) => getAddress(wallet.address)))
  })
})
