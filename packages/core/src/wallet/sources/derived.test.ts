import { createHmac } from "node:crypto"
import { computeAddress, getBytes, hexlify } from "ethers"
import { describe, expect, it } from "vitest"
import { createWallet } from "../wallet.js"
import { derivedWorkerKey, deriveWorkerWallets } from "./derived.js"

// anvil's first well-known dev key: a public test key, never a real secret.
const funderKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"

/** RFC 5869 HKDF-SHA256 written out with HMAC: an independent check of the documented derivation. */
function hkdfByHand(keyMaterial: Uint8Array, salt: string, info: string): string {
  const pseudoRandomKey = createHmac("sha256", Buffer.from(salt, "utf8")).update(keyMaterial).digest()
  const block = createHmac("sha256", pseudoRandomKey)
    .update(Buffer.concat([Buffer.from(info, "utf8"), Buffer.from([1])]))
    .digest()
  return hexlify(block)
}

describe("deriveWorkerWallets", () => {
  const funder = createWallet(funderKey).unwrap()

  it("derives the same wallets from the same funder and seed, in order", async () => {
    const first = (await deriveWorkerWallets({ funder, seed: "tempo", count: 5 })).unwrap()
    const second = (await deriveWorkerWallets({ funder, seed: "tempo", count: 3 })).unwrap()
    expect(second.map((entry) => entry.wallet.address)).toEqual(
      first.slice(0, 3).map((entry) => entry.wallet.address),
    )
    expect(new Set(first.map((entry) => entry.wallet.address)).size).toBe(5)
    expect(first[2]?.origin).toBe("derived tempo/2")
  })

  it("gives another seed, or another funder, other wallets", async () => {
    const tempo = (await deriveWorkerWallets({ funder, seed: "tempo", count: 2 })).unwrap()
    const other = (await deriveWorkerWallets({ funder, seed: "campaign-2", count: 2 })).unwrap()
    const otherFunder = createWallet(`0x${"11".repeat(32)}`).unwrap()
    const moved = (await deriveWorkerWallets({ funder: otherFunder, seed: "tempo", count: 2 })).unwrap()
    const addresses = [...tempo, ...other, ...moved].map((entry) => entry.wallet.address)
    expect(new Set(addresses).size).toBe(6)
    expect(addresses).not.toContain(funder.address)
  })

  it("matches the documented HKDF-SHA256 derivation computed independently", async () => {
    const loaded = (await deriveWorkerWallets({ funder, seed: "tempo", count: 3 })).unwrap()
    for (const [index, entry] of loaded.entries()) {
      const key = hkdfByHand(getBytes(funderKey), "tempo", `testnet-framework/worker/${index}`)
      expect(derivedWorkerKey(getBytes(funderKey), "tempo", index)).toBe(key)
      expect(entry.wallet.address).toBe(computeAddress(key))
    }
  })

  it("refuses a count below one with a hint", async () => {
    const result = await deriveWorkerWallets({ funder, seed: "tempo", count: 0 })
    expect(result.isErr()).toBe(true)
    expect(result.isErr() && result.error.code).toBe("WALLET_EMPTY_SOURCE")
    expect(result.isErr() && result.error.message).toContain("--wallets")
  })
})
