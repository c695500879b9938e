import { concat, decodeRlp, encodeRlp, getAddress, keccak256, type RlpStructuredData, Wallet } from "ethers"
import { describe, expect, it } from "vitest"
import { tempoAddresses } from "../contracts/addresses.js"
import { developmentAccount } from "../testing/rpc.js"
import { decodeTempoFeePayerRequest, decodeTempoTransaction } from "./decode.js"
import { serializeTempoFeePayerRequest } from "./feePayerRequest.js"
import { encodeKeyAuthorizationFields, tempoKeyAuthorizationHash } from "./keyAuthorization.js"
import { p256KeyFromSecret } from "./p256.js"
import { serializeTempoTransaction } from "./serialize.js"
import { signTempoKeyAuthorization, signTempoTransaction, signTempoTransactionWithAccessKey } from "./sign.js"
import { decodeSignatureEnvelope, encodeSignatureEnvelope } from "./signatureEnvelope.js"
import { p256Signer, secp256k1Signer, webAuthnSigner } from "./signers.js"
import { tempoFeePayerSigningHash } from "./signingHashes.js"
import { recoverTempoSenderAddress } from "./sponsor.js"
import type { TempoTransactionFields } from "./types.js"

const fields: TempoTransactionFields = {
  chainId: 42431,
  maxPriorityFeePerGas: 1n,
  maxFeePerGas: 2n,
  gasLimit: 100_000n,
  calls: [{ to: tempoAddresses.pathUsd, input: "0x" }],
  nonce: 3n,
  feeToken: tempoAddresses.betaUsd,
}
const root = developmentAccount(0)
const rootSigner = secp256k1Signer(root.address, root.signDigest)
const passkey = p256KeyFromSecret(keccak256("0x02"))

describe("the sponsor hand-off forms", () => {
  it("the half-signed 0x76 leaves feeToken out; the 0x78 form keeps it and names the sender", () => {
    const sponsored = { ...fields, sponsored: true }
    const signed = signTempoTransaction(sponsored, root.signDigest)
    expect(decodeTempoTransaction(signed).unwrap().fields).toMatchObject({ sponsored: true, feeToken: null })

    const request = serializeTempoFeePayerRequest(sponsored, root.address)
    expect(request.startsWith("0x78")).toBe(true)
    expect(keccak256(request)).toBe(tempoFeePayerSigningHash(sponsored, root.address))
    const decoded = decodeTempoFeePayerRequest(request).unwrap()
    expect(decoded).toMatchObject({ sender: root.address, signature: undefined })
    expect(decoded.fields.feeToken).toBe(tempoAddresses.betaUsd)
  })

  it("reads the 0x78 form with a P256 sender signature", () => {
    const signature = p256Signer(passkey).sign(keccak256("0x01"))
    const request = serializeTempoFeePayerRequest({ ...fields, sponsored: true }, passkey.address, signature)
    const decoded = decodeTempoFeePayerRequest(request).unwrap()
    expect(decoded.signature).toEqual(signature)
    expect(decoded.sender).toBe(passkey.address)
  })

  it.each([
    ["a 0x76 transaction", serializeTempoTransaction(fields), /type byte is 0x76, expected 0x78/],
    [
      "a fee-payer slot that is not an address",
      `0x78${serializeTempoTransaction({ ...fields, sponsored: true }).slice(4)}`,
      /fee-payer form sender must be 20 bytes/,
    ],
  ])("refuses %s", (_label, raw, reason) => {
    const decoded = decodeTempoFeePayerRequest(raw)
    expect(decoded.isErr() && decoded.error.reason).toMatch(reason)
  })
})

describe("key authorizations and signature envelopes", () => {
  const keyId = Wallet.createRandom().address

  it("a signed key authorization rides in the transaction and decodes back", () => {
    const keyAuthorization = signTempoKeyAuthorization(
      {
        chainId: 42431,
        keyType: "webAuthn",
        keyId,
        expiry: 99n,
        limits: [{ token: tempoAddresses.pathUsd, limit: 5n, period: 60n }],
      },
      rootSigner,
    )
    const raw = signTempoTransaction({ ...fields, keyAuthorization }, root.signDigest)
    expect(decodeTempoTransaction(raw).unwrap().fields.keyAuthorization).toEqual({
      ...keyAuthorization,
      allowedCalls: null,
      signature: { ...keyAuthorization.signature },
    })
  })

  it("omits trailing optionals and writes an explicit expiry placeholder before limits", () => {
    expect(encodeKeyAuthorizationFields({ chainId: 1, keyType: "secp256k1", keyId })).toHaveLength(3)
    const withLimits = encodeKeyAuthorizationFields({ chainId: 1, keyType: "p256", keyId, limits: [] })
    expect(withLimits.slice(3)).toEqual(["0x", []])
    expect(tempoKeyAuthorizationHash({ chainId: 1, keyType: "p256", keyId, limits: [] })).not.toBe(
      tempoKeyAuthorizationHash({ chainId: 1, keyType: "p256", keyId }),
    )
  })

  it("refuses call scopes without explicit limits (absent and [] would be ambiguous on the wire)", () => {
    expect(() =>
      encodeKeyAuthorizationFields({
        chainId: 1,
        keyType: "secp256k1",
        keyId,
        allowedCalls: [{ target: keyId }],
      }),
    ).toThrow(/needs explicit limits/)
  })

  it("refuses key-authorization fields newer than anvil's node (witness, admin, account)", () => {
    const keyAuthorization = signTempoKeyAuthorization(
      { chainId: 1, keyType: "secp256k1", keyId, expiry: 5n },
      rootSigner,
    )
    const raw = signTempoTransaction({ ...fields, keyAuthorization }, root.signDigest)
    const items = decodeRlp(`0x${raw.slice(4)}`) as RlpStructuredData[]
    const [authorization, signature] = items[13] as [RlpStructuredData[], string]
    items[13] = [[...authorization, "0x", "0x", `0x${"11".repeat(32)}`], signature]
    const decoded = decodeTempoTransaction(concat(["0x76", encodeRlp(items)]))
    expect(decoded.isErr() && decoded.error.reason).toMatch(/witness, admin, account/)
  })

  it("a keychain signature names the root account; P256 and WebAuthn senders are their keys' addresses", () => {
    const accessKey = webAuthnSigner(passkey)
    const raw = signTempoTransactionWithAccessKey(fields, root.address, accessKey)
    const decoded = decodeTempoTransaction(raw).unwrap()
    expect(decoded.signature).toMatchObject({
      type: "keychain",
      version: "v2",
      userAddress: getAddress(root.address),
    })
    expect(recoverTempoSenderAddress(decoded.fields, decoded.signature!)).toBe(root.address)
    const p256 = decodeTempoTransaction(
      signTempoTransactionWithAccessKey(fields, root.address, p256Signer(passkey), "v1"),
    )
    expect(p256.unwrap().signature).toMatchObject({ type: "keychain", version: "v1" })
    const primary = p256Signer(passkey).sign(keccak256("0x03"))
    expect(recoverTempoSenderAddress(fields, primary)).toBe(passkey.address)
  })

  it("refuses a keychain signature inside a keychain signature", () => {
    const inner = encodeSignatureEnvelope({
      type: "keychain",
      version: "v2",
      userAddress: keyId,
      inner: rootSigner.sign(keccak256("0x")),
    })
    expect(() => decodeSignatureEnvelope(concat(["0x04", keyId, inner]))).toThrow(
      /unknown signature type byte 0x04/,
    )
  })

  it("signs P256 with a low s (the node rejects s > n/2)", () => {
    const halfOrder = 0x7fffffff800000007fffffffffffffffde737d56d38bcf4279dce5617e3192a8n
    for (let index = 0; index < 20; index++) {
      const { s } = p256Signer(passkey).sign(keccak256(`0x${index.toString(16).padStart(2, "0")}`))
      expect(BigInt(s) <= halfOrder).toBe(true)
    }
  })
})
