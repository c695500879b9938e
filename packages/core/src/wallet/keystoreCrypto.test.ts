import { createCipheriv, pbkdf2Sync, randomBytes } from "node:crypto"
import { decryptKeystoreJson, Wallet as EthersWallet, encryptKeystoreJson, keccak256 } from "ethers"
import { describe, expect, it } from "vitest"
import { anvilAccounts, lightScrypt } from "../testing/wallet/testFixtures.js"
import { decryptKeystore, encryptKeystore } from "./keystoreCrypto.js"
import { parseKeystoreText } from "./keystoreFormat.js"

const [account] = anvilAccounts(1)
const { address, privateKey } = account!
const password = "correct horse battery staple"

function parse(text: string) {
  return parseKeystoreText(text, "a.json").unwrap()
}

describe("Web3 Secret Storage v3", () => {
  it("decrypts what ethers encrypts", async () => {
    const text = await encryptKeystoreJson({ address, privateKey }, password, { scrypt: lightScrypt })
    expect((await decryptKeystore(parse(text), password, "a.json")).unwrap()).toEqual({ address, privateKey })
    expect((await decryptKeystore(text, password, "a.json")).unwrap()).toEqual({ address, privateKey })
    expect((await decryptKeystore("{", password, "a.json")).unwrapErr().code).toBe("WALLET_KEYSTORE_INVALID")
  })

  it("writes what ethers decrypts", async () => {
    const text = await encryptKeystore(privateKey, password, lightScrypt)
    const document = JSON.parse(text)
    expect(document).toMatchObject({ version: 3, address: address.slice(2).toLowerCase() })
    expect(document.crypto.kdfparams).toMatchObject({ n: 1024, r: 8, p: 1, dklen: 32 })
    expect(text).not.toContain(privateKey.slice(2))
    const decrypted = await decryptKeystoreJson(text, password)
    expect(decrypted.privateKey).toBe(privateKey)
    expect(decrypted.address).toBe(address)
  })

  it("reads pbkdf2 keystores (checked against ethers)", async () => {
    const { privateKey: key, address: keyAddress } = EthersWallet.createRandom()
    const salt = randomBytes(32)
    const iv = randomBytes(16)
    const derived = pbkdf2Sync(password, salt, 1_000, 32, "sha256")
    const cipher = createCipheriv("aes-128-ctr", derived.subarray(0, 16), iv)
    const ciphertext = Buffer.concat([cipher.update(Buffer.from(key.slice(2), "hex")), cipher.final()])
    const mac = keccak256(Buffer.concat([derived.subarray(16, 32), ciphertext])).slice(2)
    const text = JSON.stringify({
      version: 3,
      crypto: {
        cipher: "aes-128-ctr",
        cipherparams: { iv: iv.toString("hex") },
        ciphertext: ciphertext.toString("hex"),
        kdf: "pbkdf2",
        kdfparams: { c: 1_000, dklen: 32, prf: "hmac-sha256", salt: salt.toString("hex") },
        mac,
      },
    })
    expect((await decryptKeystoreJson(text, password)).privateKey).toBe(key)
    const decrypted = (await decryptKeystore(parse(text), password, "a.json")).unwrap()
    expect(decrypted).toEqual({ address: keyAddress, privateKey: key })
  })

  it("normalises the password (NFKC) like ethers", async () => {
    const composed = "caf\u00e9"
    const text = await encryptKeystoreJson({ address, privateKey }, composed, { scrypt: lightScrypt })
    expect((await decryptKeystore(parse(text), "cafe\u0301", "a.json")).isOk()).toBe(true)
  })

  it("defaults to ethers' standard scrypt cost", async () => {
    const { defaultScryptParameters } = await import("./keystoreCrypto.js")
    expect(defaultScryptParameters).toEqual({ N: 131072, r: 8, p: 1 })
  })

  it("rejects a wrong password, a tampered address, bad JSON and hostile parameters", async () => {
    const text = await encryptKeystore(privateKey, password, lightScrypt)
    const wrong = await decryptKeystore(parse(text), "wrong", "a.json")
    expect(wrong.unwrapErr().code).toBe("WALLET_DECRYPTION_FAILED")

    const tampered = JSON.parse(text)
    tampered.address = "70997970c51812dc3a010c7d01b50e0d17dc79c8"
    const mismatch = await decryptKeystore(tampered, password, "a.json")
    expect(mismatch.unwrapErr().code).toBe("WALLET_ADDRESS_MISMATCH")

    const flipped = JSON.parse(text)
    flipped.crypto.ciphertext = `${flipped.crypto.ciphertext.slice(0, -2)}00`
    expect((await decryptKeystore(flipped, password, "a.json")).unwrapErr().code).toBe(
      "WALLET_DECRYPTION_FAILED",
    )

    expect(parseKeystoreText("{ not json", "a.json").unwrapErr().message).toContain(
      "a.json is invalid: not valid JSON",
    )
    expect(parseKeystoreText('{"version":1}', "a.json").unwrapErr().message).toContain(
      "not a version 3 keystore",
    )

    const huge = JSON.parse(text)
    huge.crypto.kdfparams.n = 2 ** 24
    expect((await decryptKeystore(huge, password, "a.json")).unwrapErr().message).toContain("more than 1 GiB")

    const noCrypto = JSON.parse(text)
    delete noCrypto.crypto
    expect((await decryptKeystore(noCrypto, password, "a.json")).unwrapErr().message).toContain(
      "no crypto section",
    )
  })
})
