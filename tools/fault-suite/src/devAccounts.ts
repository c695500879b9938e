import { HDNodeWallet, keccak256, Mnemonic, toUtf8Bytes } from "ethers"

/** anvil's public default mnemonic: its dev accounts are test keys known to everyone. */
const anvilMnemonic = "test test test test test test test test test test test junk"

/**
 * The private key of anvil's dev account `index` (pre-funded in every token on `--network tempo`).
 *
 * @example
 * const funderKey = anvilDevKey(3)
 */
export function anvilDevKey(index: number): string {
  return HDNodeWallet.fromPhrase(anvilMnemonic, undefined, `m/44'/60'/0'/0/${index}`).privateKey
}

/**
 * A BIP-39 phrase derived from a label (seeded, reproducible): each profile gets its own wallets.
 *
 * @example
 * const phrase = mnemonicFor("fault-suite/http5xx")
 */
export function mnemonicFor(label: string): string {
  return Mnemonic.fromEntropy(keccak256(toUtf8Bytes(label)).slice(0, 34)).phrase
}

/**
 * The first `count` addresses of a phrase at `m/44'/60'/0'/0/i` (the wallet loader's default path).
 *
 * @example
 * const wallets = mnemonicAddresses(mnemonicFor("clean"), 20)
 */
export function mnemonicAddresses(phrase: string, count: number): string[] {
  const root = HDNodeWallet.fromPhrase(phrase, undefined, "m/44'/60'/0'/0")
  return Array.from({ length: count }, (_, index) => root.deriveChild(index).address)
}
