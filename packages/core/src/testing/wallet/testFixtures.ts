// Test-only wallet helpers (exported from the testing barrel only). Keys are anvil's public dev keys, derived
// at run time from anvil's public mnemonic, or random: no key literal lives in the repository.
import { mkdtemp, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { HDNodeWallet } from "ethers"
import type { ScryptParameters } from "../../wallet/keystoreCrypto.js"

/**
 * anvil's default mnemonic (public, never for real funds).
 *
 * @example
 * const source = { type: "mnemonic", phrase: anvilMnemonic, count: 3 }
 */
export const anvilMnemonic = "test test test test test test test test test test test junk"

/**
 * anvil's first dev account address.
 *
 * @example
 * expect(wallets[0]?.address).toBe(anvilFirstAddress)
 */
export const anvilFirstAddress = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"

/**
 * A light scrypt cost so tests run in milliseconds. Never use outside tests.
 *
 * @example
 * const keystore = await encryptKeystore(privateKey, password, lightScrypt)
 */
export const lightScrypt: ScryptParameters = { N: 1 << 10, r: 8, p: 1 }

/**
 * The first `count` anvil dev accounts (`0x` lowercase keys).
 *
 * @example
 * const [funder] = anvilAccounts(1)
 */
export function anvilAccounts(count: number): { address: string; privateKey: string }[] {
  const parent = HDNodeWallet.fromPhrase(anvilMnemonic, undefined, "m/44'/60'/0'/0")
  return Array.from({ length: count }, (_, index) => {
    const child = parent.deriveChild(index)
    return { address: child.address, privateKey: child.privateKey }
  })
}

/**
 * A fresh temporary directory and its remover.
 *
 * @example
 * const directory = await temporaryDirectory()
 * try { writeFileSync(join(directory.path, "keys.txt"), "") } finally { await directory.remove() }
 */
export async function temporaryDirectory(): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), "testnet-wallet-"))
  return { path, remove: () => rm(path, { recursive: true, force: true }) }
}
