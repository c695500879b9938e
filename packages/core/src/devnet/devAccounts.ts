import { HDNodeWallet } from "ethers"

/**
 * anvil's default mnemonic: its dev accounts are derived from it. Public knowledge, never for real funds.
 *
 * @example
 * getDevAccounts(2, anvilDefaultMnemonic)
 */
export const anvilDefaultMnemonic = "test test test test test test test test test test test junk"

/**
 * A pre-funded devnet account. The key is public (well-known dev key), never a real secret.
 *
 * @example
 * const [funder]: readonly DevAccount[] = devnet.accounts
 */
export type DevAccount = { readonly address: string; readonly privateKey: string }

const cache = new Map<string, readonly DevAccount[]>()

/**
 * Derives the first `count` accounts anvil pre-funds (`m/44'/60'/0'/0/i` of the default mnemonic).
 * The root is derived once and cached; children are cheap.
 *
 * @example
 * const [first] = getDevAccounts(1)
 * first?.address // "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"
 */
export function getDevAccounts(
  count: number,
  mnemonic: string = anvilDefaultMnemonic,
): readonly DevAccount[] {
  const cached = cache.get(mnemonic)
  if (cached !== undefined && cached.length >= count) return cached.slice(0, count)
  const root = HDNodeWallet.fromPhrase(mnemonic, undefined, "m/44'/60'/0'/0")
  const accounts: DevAccount[] = []
  for (let index = 0; index < count; index++) {
    const child = root.deriveChild(index)
    accounts.push(Object.freeze({ address: child.address, privateKey: child.privateKey }))
  }
  cache.set(mnemonic, accounts)
  return accounts.slice()
}
