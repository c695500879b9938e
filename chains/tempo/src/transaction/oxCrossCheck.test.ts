// Cross-check of the 0x76 encoder against ox's Tempo modules (`ox/tempo`, the reference viem uses):
// for seeded random transactions covering every field and signature kind, serialization, the
// sender / keychain / fee-payer signing hashes, the 0x78 fee-payer form, signed bytes and the
// transaction hash must be byte-identical, and each side must parse what the other wrote.
import { getAddress, getBytes, hexlify, keccak256, toBeHex } from "ethers"
import fc from "fast-check"
import type { SignatureEnvelope as OxSignatureEnvelope } from "ox/tempo"
import { KeyAuthorization, SignatureEnvelope, TxEnvelopeTempo } from "ox/tempo"
import { describe, expect, it } from "vitest"
import { decodeTempoFeePayerRequest, decodeTempoTransaction } from "./decode.js"
import { serializeTempoFeePayerRequest } from "./feePayerRequest.js"
import { tempoTransactionHash } from "./hash.js"
import {
  type TempoCallScope,
  type TempoSignedKeyAuthorization,
  type TempoTokenLimit,
  tempoKeyAuthorizationHash,
} from "./keyAuthorization.js"
import { p256KeyFromSecret } from "./p256.js"
import { serializeTempoTransaction } from "./serialize.js"
import type { TempoPrimitiveSignature, TempoSignatureEnvelope } from "./signatureEnvelope.js"
import { p256Signer, webAuthnSigner } from "./signers.js"
import {
  tempoFeePayerSigningHash,
  tempoKeychainSigningHash,
  tempoSenderSigningHash,
} from "./signingHashes.js"
import type { TempoSignature, TempoTransactionFields } from "./types.js"

type OxEnvelope = TxEnvelopeTempo.TxEnvelopeTempo<false>
type OxKeyAuthorization = KeyAuthorization.KeyAuthorization

const secp256k1HalfOrder = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0n
const address = fc.uint8Array({ minLength: 20, maxLength: 20 }).map((bytes) => getAddress(hexlify(bytes)))
const bytes32 = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => hexlify(bytes))
const scalar = fc.bigInt({ min: 1n, max: secp256k1HalfOrder }).map((value) => toBeHex(value, 32))
const uint = (bits: number) => fc.bigInt({ min: 0n, max: (1n << BigInt(bits)) - 1n })
const safeSeconds = fc.bigInt({ min: 1n, max: 1n << 40n })

const secp256k1: fc.Arbitrary<TempoSignature> = fc.record({
  r: scalar,
  s: scalar,
  yParity: fc.constantFrom(0 as const, 1 as const),
})
const publicKey = fc.record({ x: bytes32, y: bytes32 })
const primitive: fc.Arbitrary<TempoPrimitiveSignature> = fc.oneof(
  secp256k1.map((signature) => ({ type: "secp256k1" as const, ...signature })),
  fc.record({ type: fc.constant("p256" as const), r: scalar, s: scalar, publicKey, prehash: fc.boolean() }),
  fc.record({
    type: fc.constant("webAuthn" as const),
    r: scalar,
    s: scalar,
    publicKey,
    authenticatorData: fc.uint8Array({ minLength: 37, maxLength: 37 }).map((bytes) => hexlify(bytes)),
    clientDataJSON: fc.record({ challenge: bytes32, origin: fc.webUrl() }).map(({ challenge, origin }) =>
      JSON.stringify({
        type: "webauthn.get",
        challenge: Buffer.from(getBytes(challenge)).toString("base64url"),
        origin,
      }),
    ),
  }),
)
const senderSignature: fc.Arbitrary<TempoSignatureEnvelope> = fc.oneof(
  primitive,
  fc.record({
    type: fc.constant("keychain" as const),
    version: fc.constantFrom("v1" as const, "v2" as const),
    userAddress: address,
    inner: primitive,
  }),
)

const limit: fc.Arbitrary<TempoTokenLimit> = fc
  .record({ token: address, limit: uint(256), period: fc.option(safeSeconds, { nil: undefined }) })
  .map(({ period, ...rest }) => (period === undefined ? rest : { ...rest, period }))
const scope: fc.Arbitrary<TempoCallScope> = fc.record({
  target: address,
  selectorRules: fc.uniqueArray(
    fc.record({
      selector: fc.uint8Array({ minLength: 4, maxLength: 4 }).map((bytes) => hexlify(bytes)),
      recipients: fc.array(address, { maxLength: 2 }),
    }),
    { maxLength: 2, selector: (rule) => rule.selector },
  ),
})
// ox reads an empty limits list back as "absent", so [] only appears where a later field keeps it.
const restrictions = fc.oneof(
  fc.constant({ limits: null, allowedCalls: null }),
  fc.record({ limits: fc.array(limit, { minLength: 1, maxLength: 3 }), allowedCalls: fc.constant(null) }),
  fc.record({
    limits: fc.array(limit, { maxLength: 2 }),
    allowedCalls: fc.uniqueArray(scope, { maxLength: 3, selector: (entry) => entry.target }),
  }),
)
const keyAuthorization: fc.Arbitrary<TempoSignedKeyAuthorization> = fc
  .record({
    chainId: fc.integer({ min: 0, max: 2 ** 40 }),
    keyType: fc.constantFrom("secp256k1" as const, "p256" as const, "webAuthn" as const),
    keyId: address,
    expiry: fc.option(safeSeconds, { nil: null }),
    restrictions,
    signature: primitive,
  })
  .map(({ restrictions: chosen, ...rest }) => ({ ...rest, ...chosen }))

const call = (to: fc.Arbitrary<string | null>) =>
  fc.record({ to, value: uint(256), input: fc.uint8Array({ maxLength: 80 }).map((bytes) => hexlify(bytes)) })

const transaction = fc
  .record({
    chainId: fc.integer({ min: 1, max: 2 ** 40 }),
    fees: fc.tuple(uint(128), uint(128)),
    gasLimit: uint(64),
    first: call(fc.option(address, { nil: null })),
    rest: fc.array(call(address), { maxLength: 3 }),
    accessList: fc.array(fc.record({ address, storageKeys: fc.array(bytes32, { maxLength: 2 }) }), {
      maxLength: 2,
    }),
    nonceKey: uint(256),
    nonce: uint(64),
    validity: fc.tuple(fc.option(safeSeconds, { nil: null }), fc.option(safeSeconds, { nil: null })),
    feeToken: fc.option(address, { nil: null }),
    sponsorship: fc.oneof(
      fc.constant({ sponsored: false, feePayerSignature: null }),
      fc.constant({ sponsored: true, feePayerSignature: null }),
      secp256k1.map((feePayerSignature) => ({ sponsored: true, feePayerSignature })),
    ),
    keyAuthorization: fc.option(keyAuthorization, { nil: null }),
    signature: senderSignature,
    sender: address,
  })
  .filter(({ validity: [before, after] }) => before === null || after === null || before > after)
  .map(
    ({
      fees: [a, b],
      first,
      rest,
      validity: [validBefore, validAfter],
      sponsorship,
      signature,
      sender,
      ...other
    }) => ({
      fields: {
        ...other,
        ...sponsorship,
        // ox refuses a tip above the fee cap: the smaller of the two is the tip.
        ...(a < b
          ? { maxPriorityFeePerGas: a, maxFeePerGas: b }
          : { maxPriorityFeePerGas: b, maxFeePerGas: a }),
        calls: [first, ...rest],
        validBefore,
        validAfter,
      } satisfies TempoTransactionFields,
      signature,
      sender,
    }),
  )

/** ox concatenates hex as given; lowercase keeps its output comparable to ours as strings. */
function lower(value: string): `0x${string}` {
  return value.toLowerCase() as `0x${string}`
}

function toOxPrimitive(signature: TempoPrimitiveSignature): OxSignatureEnvelope.SignatureEnvelope {
  const parts = { r: lower(signature.r), s: lower(signature.s) }
  switch (signature.type) {
    case "secp256k1":
      return { type: "secp256k1", signature: { ...parts, yParity: signature.yParity } }
    case "p256":
      return { type: "p256", signature: parts, prehash: signature.prehash, publicKey: oxPublicKey(signature) }
    case "webAuthn":
      return {
        type: "webAuthn",
        signature: parts,
        publicKey: oxPublicKey(signature),
        metadata: {
          authenticatorData: lower(signature.authenticatorData),
          clientDataJSON: signature.clientDataJSON,
        },
      }
  }
}

function oxPublicKey(signature: { publicKey: { x: string; y: string } }) {
  return { prefix: 4, x: lower(signature.publicKey.x), y: lower(signature.publicKey.y) }
}

function toOxSignature(signature: TempoSignatureEnvelope): OxSignatureEnvelope.SignatureEnvelope {
  if (signature.type !== "keychain") return toOxPrimitive(signature)
  return {
    type: "keychain",
    version: signature.version,
    userAddress: lower(signature.userAddress),
    inner: toOxPrimitive(signature.inner),
  }
}

function toOxKeyAuthorization(authorization: TempoSignedKeyAuthorization): OxKeyAuthorization {
  const scopes = authorization.allowedCalls?.flatMap((entry) =>
    (entry.selectorRules ?? []).length === 0
      ? [{ address: lower(entry.target) }]
      : (entry.selectorRules ?? []).map((rule) => ({
          address: lower(entry.target),
          selector: lower(rule.selector),
          ...((rule.recipients ?? []).length > 0 ? { recipients: (rule.recipients ?? []).map(lower) } : {}),
        })),
  )
  return {
    address: lower(authorization.keyId),
    chainId: BigInt(authorization.chainId),
    type: authorization.keyType,
    ...(authorization.expiry ? { expiry: Number(authorization.expiry) } : {}),
    ...(authorization.limits
      ? {
          limits: authorization.limits.map((entry) => ({
            token: lower(entry.token),
            limit: entry.limit,
            ...(entry.period ? { period: Number(entry.period) } : {}),
          })),
        }
      : {}),
    ...(scopes ? { scopes } : {}),
    signature: toOxPrimitive(authorization.signature) as KeyAuthorization.Signature,
  }
}

function toOx(fields: TempoTransactionFields): OxEnvelope {
  const feePayerSignature = fields.feePayerSignature
  return TxEnvelopeTempo.from({
    chainId: Number(fields.chainId),
    maxPriorityFeePerGas: fields.maxPriorityFeePerGas,
    maxFeePerGas: fields.maxFeePerGas,
    gas: fields.gasLimit,
    calls: fields.calls.map((entry) => ({
      ...(entry.to === null ? {} : { to: lower(entry.to) }),
      value: entry.value ?? 0n,
      data: (entry.input ?? "0x") as `0x${string}`,
    })),
    accessList: (fields.accessList ?? []).map((entry) => ({
      address: lower(entry.address),
      storageKeys: entry.storageKeys.map(lower),
    })),
    nonceKey: fields.nonceKey ?? 0n,
    nonce: fields.nonce,
    ...(fields.validBefore ? { validBefore: Number(fields.validBefore) } : {}),
    ...(fields.validAfter ? { validAfter: Number(fields.validAfter) } : {}),
    ...(fields.feeToken ? { feeToken: lower(fields.feeToken) } : {}),
    ...(fields.sponsored
      ? {
          feePayerSignature: feePayerSignature
            ? {
                r: lower(feePayerSignature.r),
                s: lower(feePayerSignature.s),
                yParity: feePayerSignature.yParity,
              }
            : null,
        }
      : {}),
    ...(fields.keyAuthorization ? { keyAuthorization: toOxKeyAuthorization(fields.keyAuthorization) } : {}),
    type: "tempo",
  } as OxEnvelope)
}

describe("the Tempo encoder agrees with ox/tempo byte for byte", () => {
  it("on 1,000 seeded random transactions (every field, every signature kind, key authorizations, fee payers)", () => {
    fc.assert(
      fc.property(transaction, ({ fields, signature, sender }) => {
        const ox = toOx(fields)
        const oxSignature = toOxSignature(signature)

        const unsigned = serializeTempoTransaction(fields)
        expect(unsigned).toBe(TxEnvelopeTempo.serialize(ox))
        expect(tempoSenderSigningHash(fields)).toBe(TxEnvelopeTempo.getSignPayload(ox))
        if (signature.type === "keychain")
          expect(tempoKeychainSigningHash(fields, signature.userAddress, "v2")).toBe(
            TxEnvelopeTempo.getSignPayload(ox, { from: lower(signature.userAddress) }),
          )
        expect(tempoFeePayerSigningHash(fields, sender)).toBe(
          TxEnvelopeTempo.getFeePayerSignPayload(ox, { sender: lower(sender) }),
        )
        if (fields.keyAuthorization)
          expect(tempoKeyAuthorizationHash(fields.keyAuthorization)).toBe(
            KeyAuthorization.getSignPayload(toOxKeyAuthorization(fields.keyAuthorization)),
          )

        const signed = serializeTempoTransaction(fields, signature)
        const oxSigned = TxEnvelopeTempo.serialize(ox, { signature: oxSignature })
        expect(signed).toBe(oxSigned)
        expect(tempoTransactionHash(signed)).toBe(keccak256(oxSigned))

        const handOff = serializeTempoFeePayerRequest(fields, sender, signature)
        expect(handOff).toBe(
          TxEnvelopeTempo.serialize(ox, {
            format: "feePayer",
            sender: lower(sender),
            signature: oxSignature,
          }),
        )

        // ox parses ours and writes the same bytes back; we parse ox's and write the same bytes back.
        expect(
          TxEnvelopeTempo.serialize(TxEnvelopeTempo.deserialize(signed as TxEnvelopeTempo.Serialized)),
        ).toBe(signed)
        const decoded = decodeTempoTransaction(oxSigned).unwrap()
        expect(serializeTempoTransaction(decoded.fields, decoded.signature)).toBe(oxSigned)
        expect(decoded.signature).toEqual(normalized(signature))
        const request = decodeTempoFeePayerRequest(handOff).unwrap()
        expect(request.sender).toBe(sender)
        expect(serializeTempoFeePayerRequest(request.fields, request.sender, request.signature)).toBe(handOff)
      }),
      { numRuns: 1_000, seed: 0x7e3d0 },
    )
  })
})

/** What decoding gives back: checksummed addresses, lowercase hex. */
function normalized(signature: TempoSignatureEnvelope): TempoSignatureEnvelope {
  return decodeTempoTransactionSignature(signature)
}

function decodeTempoTransactionSignature(signature: TempoSignatureEnvelope): TempoSignatureEnvelope {
  if (signature.type === "keychain") return { ...signature, userAddress: getAddress(signature.userAddress) }
  return signature
}

describe("ox verifies the P256 and WebAuthn signatures our signers make", () => {
  const key = p256KeyFromSecret(keccak256("0x01"))
  const digest = keccak256("0x1234")

  it("P256 (prehash: sha256 of the digest, low s)", () => {
    const signature = p256Signer(key).sign(digest)
    expect(key.address).toBe(
      getAddress(
        SignatureEnvelope.extractAddress({ payload: lower(digest), signature: toOxPrimitive(signature) }),
      ),
    )
    expect(
      SignatureEnvelope.verify(toOxPrimitive(signature), {
        payload: lower(digest),
        address: lower(key.address),
      }),
    ).toBe(true)
  })

  it("WebAuthn (challenge = the digest, 37-byte authenticatorData)", () => {
    const signature = webAuthnSigner(key, { rpId: "wallet.example" }).sign(digest)
    expect(
      SignatureEnvelope.verify(toOxPrimitive(signature), {
        payload: lower(digest),
        address: lower(key.address),
      }),
    ).toBe(true)
    expect(
      SignatureEnvelope.verify(toOxPrimitive(signature), {
        payload: keccak256("0x99") as `0x${string}`,
        address: lower(key.address),
      }),
    ).toBe(false)
  })
})
