import { hexlify, SigningKey } from "ethers"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { serializeTempoTransaction } from "./serialize.js"
import { signTempoTransaction, toTempoSignature } from "./sign.js"
import { tempoSenderSigningHash } from "./signingHashes.js"
import type { TempoTransactionFields } from "./types.js"

const key = new SigningKey(`0x${"11".repeat(32)}`)
const signDigest = (digest: string) => key.sign(digest)
const bytes = (min: number, max: number) =>
  fc.uint8Array({ minLength: min, maxLength: max }).map((value) => hexlify(value))
const quantity = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n })

const unsponsoredFields: fc.Arbitrary<TempoTransactionFields> = fc.record({
  chainId: fc.integer({ min: 1, max: 1_000_000 }),
  nonce: quantity,
  nonceKey: fc.bigInt({ min: 0n, max: 64n }),
  gasLimit: fc.bigInt({ min: 21_000n, max: 30_000_000n }),
  maxFeePerGas: quantity,
  maxPriorityFeePerGas: fc.bigInt({ min: 0n, max: 1_000n }),
  calls: fc.array(fc.record({ to: bytes(20, 20), value: fc.constant(0n), input: bytes(0, 120) }), {
    minLength: 1,
    maxLength: 4,
  }),
  feeToken: fc.option(bytes(20, 20), { nil: null }),
})

describe("signTempoTransaction's unsponsored fast path", () => {
  it("is byte-identical to hashing and serializing the fields separately (the general path)", () => {
    fc.assert(
      fc.property(unsponsoredFields, (fields) => {
        const signature = toTempoSignature(signDigest(tempoSenderSigningHash(fields)))
        expect(signTempoTransaction(fields, signDigest)).toBe(serializeTempoTransaction(fields, signature))
      }),
      { numRuns: 150 },
    )
  })
})
