import { readdir, readFile, stat, writeFile } from "node:fs/promises"
import { join } from "node:path"
import { decryptKeystoreJson } from "ethers"
import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { anvilAccounts, lightScrypt, temporaryDirectory } from "../testing/wallet/testFixtures.js"
import { exportAddressesCsv, generateKeystores, importKeys, listKeystoreAddresses } from "./keystoreTool.js"

const password = "tool-password-1"
let directory: { path: string; remove(): Promise<void> }
beforeEach(async () => {
  directory = await temporaryDirectory()
})
afterEach(async () => {
  await directory.remove()
})

describe("generateKeystores", () => {
  it("writes private, atomic, ethers-readable keystores and reports progress", async () => {
    const target = join(directory.path, "keys")
    const progress: [number, number][] = []
    const files = (
      await generateKeystores({
        directory: target,
        count: 3,
        password,
        scrypt: lightScrypt,
        onProgress: (done, total) => progress.push([done, total]),
      })
    ).unwrap()
    expect(files).toHaveLength(3)
    expect(progress.map(([done]) => done)).toEqual([1, 2, 3])
    expect(progress.every(([, total]) => total === 3)).toBe(true)
    expect((await stat(target)).mode & 0o777).toBe(0o700)
    // No temporary file is left behind.
    expect((await readdir(target)).sort()).toEqual(files.map((file) => `${file.address}.json`).sort())
    for (const { address, file } of files) {
      expect((await stat(file)).mode & 0o777).toBe(0o600)
      const account = await decryptKeystoreJson(await readFile(file, "utf8"), password)
      expect(account.address).toBe(address)
    }
  })

  it("refuses an empty password", async () => {
    const result = await generateKeystores({
      directory: directory.path,
      count: 1,
      password: "",
      scrypt: lightScrypt,
    })
    expect(result.unwrapErr().code).toBe("WALLET_PASSWORD_REQUIRED")
  })
})

describe("importKeys", () => {
  const accounts = anvilAccounts(2)

  it("encrypts given keys and never overwrites an existing keystore", async () => {
    const keys = accounts.map((account) => account.privateKey)
    const files = (
      await importKeys({ keys, directory: directory.path, password, scrypt: lightScrypt })
    ).unwrap()
    expect(files.map((file) => file.address)).toEqual(accounts.map((account) => account.address))
    const before = await readFile(files[0]!.file, "utf8")
    const again = await importKeys({
      keys: keys.slice(0, 1),
      directory: directory.path,
      password: "other",
      scrypt: lightScrypt,
    })
    expect(again.unwrapErr().code).toBe("WALLET_FILE_EXISTS")
    expect(await readFile(files[0]!.file, "utf8")).toBe(before)
    expect((await readdir(directory.path)).filter((name) => name.startsWith("."))).toEqual([])
  })

  it("validates every key before writing anything", async () => {
    const keys = [accounts[0]!.privateKey, "0x12", accounts[1]!.privateKey]
    const result = await importKeys({ keys, directory: directory.path, password, scrypt: lightScrypt })
    expect(result.unwrapErr().message).toContain("key #2")
    const duplicate = await importKeys({
      keys: [accounts[0]!.privateKey, accounts[0]!.privateKey.toUpperCase().replace("0X", "")],
      directory: directory.path,
      password,
      scrypt: lightScrypt,
    })
    expect(duplicate.unwrapErr().code).toBe("WALLET_DUPLICATE_ADDRESS")
    expect(await readdir(directory.path)).toEqual([])
  })
})

describe("listKeystoreAddresses and exportAddressesCsv", () => {
  it("lists addresses without the password, sorted by file name, and renders CSV", async () => {
    const files = (
      await importKeys({
        keys: anvilAccounts(2).map((account) => account.privateKey),
        directory: directory.path,
        password,
        scrypt: lightScrypt,
      })
    ).unwrap()
    const listed = (await listKeystoreAddresses(directory.path)).unwrap()
    expect(listed.map((entry) => entry.address).sort()).toEqual(files.map((file) => file.address).sort())
    expect(exportAddressesCsv(listed.map((entry) => entry.address).sort())).toMatchInlineSnapshot(`
      "index,address
      0,0x70997970C51812dc3A010C7d01b50e0d17dc79C8
      1,0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266
      "
    `)
    expect(exportAddressesCsv([])).toBe("index,address\n")
  })

  it("fails on a keystore without an address field or with broken JSON", async () => {
    await writeFile(join(directory.path, "a.json"), JSON.stringify({ version: 3, crypto: {} }))
    expect((await listKeystoreAddresses(directory.path)).unwrapErr().message).toContain(
      "has no address field",
    )
    await writeFile(join(directory.path, "a.json"), "{")
    expect((await listKeystoreAddresses(directory.path)).unwrapErr().code).toBe("WALLET_KEYSTORE_INVALID")
    expect((await listKeystoreAddresses(join(directory.path, "missing"))).unwrapErr().code).toBe(
      "WALLET_FILE_ACCESS",
    )
  })
})
