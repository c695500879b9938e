import { inspect } from "node:util"
import { Wallet as EthersWallet, keccak256, recoverAddress, Transaction, toUtf8Bytes } from "ethers"
import { describe, expect, it } from "vitest"
import { anvilAccounts, anvilFirstAddress } from "../testing/wallet/testFixtures.js"
import { createWallet, exportPrivateKey, isWallet } from "./wallet.js"

const [first] = anvilAccounts(1)
const key = first!.privateKey

describe("createWallet", () => {
  it("derives the checksummed address, with or without 0x, in any case", () => {
    expect(createWallet(key).unwrap().address).toBe(anvilFirstAddress)
    expect(createWallet(key.slice(2).toUpperCase()).unwrap().address).toBe(anvilFirstAddress)
    expect(createWallet(`  ${key}\n`).unwrap().address).toBe(anvilFirstAddress)
  })

  it("rejects bad keys with an error naming the location", () => {
    expect(createWallet("0x1234", "keys.txt:4").unwrapErr().message).toContain(
      "keys.txt:4: expected 64 hex characters, found 4",
    )
    expect(createWallet(`0x${"zz".repeat(32)}`, "keys.txt:5").unwrapErr().code).toBe(
      "WALLET_INVALID_KEY_FORMAT",
    )
    expect(createWallet(`0x${"00".repeat(32)}`).unwrapErr().message).toContain(
      "outside the secp256k1 key range",
    )
    expect(createWallet(`0x${"ff".repeat(32)}`).unwrapErr().message).toContain(
      "outside the secp256k1 key range",
    )
    const order = 2n ** 256n - 0x14551231950b75fc4402da1732fc9bebfn
    expect(createWallet(order.toString(16)).unwrapErr().code).toBe("WALLET_INVALID_KEY_FORMAT")
    expect(createWallet((order - 1n).toString(16)).isOk()).toBe(true)
  })
})

describe("Wallet", () => {
  const wallet = createWallet(key).unwrap()

  it("signs transactions exactly as ethers does", async () => {
    const transaction = {
      type: 2,
      chainId: 31337n,
      nonce: 7,
      to: "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
      value: 10n ** 15n,
      gasLimit: 21_000n,
      maxFeePerGas: 2_000_000_000n,
      maxPriorityFeePerGas: 1_000_000n,
      data: "0x",
    }
    const serialized = wallet.signTransaction(transaction)
    expect(serialized).toBe(await new EthersWallet(key).signTransaction(transaction))
    expect(Transaction.from(serialized).from).toBe(anvilFirstAddress)
    // `from` equal to the wallet is accepted; another address is a caller bug.
    expect(wallet.signTransaction({ ...transaction, from: anvilFirstAddress.toLowerCase() })).toBe(serialized)
    expect(() => wallet.signTransaction({ ...transaction, from: transaction.to })).toThrow(
      /is not this wallet/,
    )
  })

  it("signs digests recoverable to its address", () => {
    const digest = keccak256(toUtf8Bytes("hello"))
    expect(recoverAddress(digest, wallet.signDigest(digest))).toBe(anvilFirstAddress)
  })

  it("prints, serialises and inspects as its address only", () => {
    expect(String(wallet)).toBe(`Wallet(${anvilFirstAddress})`)
    expect(`${wallet}`).toBe(`Wallet(${anvilFirstAddress})`)
    expect(JSON.parse(JSON.stringify(wallet))).toEqual({ address: anvilFirstAddress })
    expect(inspect(wallet, { showHidden: true, depth: 5 })).toBe(`Wallet(${anvilFirstAddress})`)
    expect(Object.keys(wallet)).toEqual(["address"])
    expect(Object.isFrozen(wallet)).toBe(true)
  })

  it("gives its key only through exportPrivateKey", () => {
    expect(exportPrivateKey(wallet)).toBe(key)
    expect(isWallet(wallet)).toBe(true)
    expect(isWallet({ address: anvilFirstAddress })).toBe(false)
    expect(() => exportPrivateKey({ ...wallet } as never)).toThrow(TypeError)
  })
})
