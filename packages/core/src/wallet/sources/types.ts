import type { Wallet } from "../wallet.js"

/**
 * Where wallets come from. Structurally the same as the config's `WalletSourceConfig`, so a
 * loaded config's `wallets.sources` can be passed to `loadWallets` as is.
 *
 * @example
 * const sources: WalletSource[] = [
 *   { kind: "keystore", path: "./keystores" },            // a v3 JSON file or a directory of them
 *   { kind: "keys-file", path: "./keys.txt" },            // one hex key per line, # comments
 *   { kind: "mnemonic", path: "m/44'/60'/0'/0", count: 100 }, // phrase from TESTNET_MNEMONIC
 *   { kind: "environment", variable: "TESTNET_KEYS" },    // comma/newline separated keys
 * ]
 */
export type WalletSource =
  | { kind: "keystore"; path: string }
  | { kind: "keys-file"; path: string }
  | { kind: "mnemonic"; phrase?: string | undefined; path?: string | undefined; count: number }
  | { kind: "environment"; variable: string }

/**
 * A wallet and where it came from (`keys.txt:3`, `keystores/a.json`, `mnemonic m/44'/60'/0'/0/7`),
 * used to name both places when an address is loaded twice.
 *
 * @example
 * const loaded: LoadedWallet = { wallet, origin: "keys.txt:3" }
 */
export type LoadedWallet = { readonly wallet: Wallet; readonly origin: string }
