import {
  concat,
  decodeRlp,
  encodeRlp,
  getAddress,
  hexlify,
  type RlpStructuredData,
  SigningKey,
  Wallet,
} from "ethers"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { decodeTempoTransaction } from "./decode.js"
import { serializeTempoTransaction } from "./serialize.js"
import { signTempoTransaction } from "./sign.js"
import { tempoSenderSigningHash } from "./signingHashes.js"
import { recoverTempoSenderAddress } from "./sponsor.js"
import type { TempoSignature, TempoTransactionFields } from "./types.js"

const address = fc.uint8Array({ minLength: 20, maxLength: 20 }).map((bytes) => getAddress(hexlify(bytes)))
const bytes32 = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => hexlify(bytes))
const uint = (bits: number) => fc.bigInt({ min: 0n, max: (1n << BigInt(bits)) - 1n })
const optionalUint64 = fc.option(fc.bigInt({ min: 1n, max: (1n << 64n) - 1n }), { nil: null })
const signature: fc.Arbitrary<TempoSignature> = fc.record({
  r: bytes32,
  s: bytes32,
  yParity: fc.constantFrom(0 as const, 1 as const),
})
const call = (to: fc.Arbitrary<string | null>) =>
  fc.record({ to, value: uint(256), input: fc.uint8Array({ maxLength: 80 }).map((bytes) => hexlify(bytes)) })

const fields: fc.Arbitrary<TempoTransactionFields> = fc
  .record({
    chainId: fc.oneof(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), uint(64)),
    maxPriorityFeePerGas: uint(128),
    maxFeePerGas: uint(128),
    gasLimit: uint(64),
    first: call(fc.option(address, { nil: null })),
    rest: fc.array(call(address), { maxLength: 3 }),
    accessList: fc.array(fc.record({ address, storageKeys: fc.array(bytes32, { maxLength: 3 }) }), {
      maxLength: 3,
    }),
    nonceKey: uint(256),
    nonce: uint(64),
    validBefore: optionalUint64,
    validAfter: optionalUint64,
    feeToken: fc.option(address, { nil: null }),
    sponsorship: fc.oneof(
      fc.constant({ sponsored: false, feePayerSignature: null }),
      fc.constant({ sponsored: true, feePayerSignature: null }),
      signature.map((feePayerSignature) => ({ sponsored: true, feePayerSignature })),
    ),
  })
  .map(({ first, rest, sponsorship, ...other }) => ({ ...other, ...sponsorship, calls: [first, ...rest] }))
  // The encoder refuses an empty validity window (the node would not decode it).
  .filter(
    ({ validBefore, validAfter }) => validBefore === null || validAfter === null || validBefore > validAfter,
  )

describe("serialize → decode → serialize", () => {
  it("is the identity for any field values, signed or unsigned", () => {
    fc.assert(
      fc.property(fields, fc.option(signature, { nil: undefined }), (transaction, senderSignature) => {
        const raw = serializeTempoTransaction(transaction, senderSignature)
        const decoded = decodeTempoTransaction(raw)
        expect(decoded.isOk()).toBe(true)
        const { fields: decodedFields, signature: decodedSignature } = decoded.unwrap()
        expect(serializeTempoTransaction(decodedFields, decodedSignature)).toBe(raw)
        expect(tempoSenderSigningHash(decodedFields)).toBe(tempoSenderSigningHash(transaction))
      }),
      { numRuns: 200 },
    )
  })

  it("recovers the signer's address from a signed transaction", () => {
    const keys = [Wallet.createRandom(), Wallet.createRandom()]
    fc.assert(
      fc.property(fields, fc.constantFrom(0, 1), (transaction, which) => {
        const key = keys[which]!
        const signingKey = new SigningKey(key.privateKey)
        const raw = signTempoTransaction(transaction, (digest) => signingKey.sign(digest))
        const { fields: decodedFields, signature: decodedSignature } = decodeTempoTransaction(raw).unwrap()
        expect(recoverTempoSenderAddress(decodedFields, decodedSignature!)).toBe(key.address)
      }),
      { numRuns: 40 },
    )
  })
})

describe("decodeTempoTransaction rejects", () => {
  const valid = serializeTempoTransaction({
    chainId: 42431,
    maxPriorityFeePerGas: 1n,
    maxFeePerGas: 2n,
    gasLimit: 21_000n,
    calls: [{ to: "0x20C0000000000000000000000000000000000000", input: "0x" }],
    nonce: 0n,
  })
  const payload = `0x${valid.slice(4)}`

  it.each([
    ["another type byte", `0x02${valid.slice(4)}`, /type byte is 0x02/],
    ["malformed RLP", "0x76c5", /malformed RLP/],
    ["not hex", "0x76zz", /not hex data/],
    ["too few items", concat(["0x76", encodeRlp(["0x01"])]), /expected 13 to 15 RLP items/],
    [
      "a truncated key authorization",
      concat(["0x76", encodeRlp([...decodeList(payload), ["0x01"]])]),
      /keyAuthorization fields must be a list/,
    ],
    [
      "a P256 signature of the wrong length",
      concat(["0x76", encodeRlp([...decodeList(payload), `0x01${"ab".repeat(128)}`])]),
      /P256 signature must be 129 bytes/,
    ],
    [
      "an unknown signature type",
      concat(["0x76", encodeRlp([...decodeList(payload), `0x09${"ab".repeat(129)}`])]),
      /unknown signature type byte 0x09/,
    ],
    ["an empty calls list", concat(["0x76", encodeRlp(replaceItem(payload, 4, []))]), /calls is empty/],
    ["a non-canonical nonce", concat(["0x76", encodeRlp(replaceItem(payload, 7, "0x0001"))]), /leading zero/],
  ])("%s", (_label, raw, reason) => {
    const decoded = decodeTempoTransaction(raw)
    expect(decoded.isErr()).toBe(true)
    if (decoded.isErr()) expect(decoded.error.reason).toMatch(reason)
  })
})

/** The 13 RLP items of an unsigned payload. */
function decodeList(payload: string): RlpStructuredData[] {
  return decodeRlp(payload) as RlpStructuredData[]
}

/** The items with one replaced, to build malformed transactions. */
function replaceItem(payload: string, index: number, value: RlpStructuredData): RlpStructuredData[] {
  const items = decodeList(payload)
  items[index] = value
  return items
}
