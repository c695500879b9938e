import { HDNodeWallet, Mnemonic } from "ethers"
import {
  WalletEmptySourceError,
  type WalletEmptySourceErrorType,
  WalletInvalidMnemonicError,
  type WalletInvalidMnemonicErrorType,
} from "../../errors/wallet.js"
import { Err, Ok, type Result } from "../../result.js"
import { createWalletFromDerivedKey } from "../wallet.js"
import type { LoadedWallet } from "./types.js"

/**
 * The default parent path: wallet `i` is `m/44'/60'/0'/0/i` (what anvil, MetaMask and cast use).
 *
 * @example
 * const source: WalletSource = { kind: "mnemonic", path: defaultDerivationPath, count: 10 }
 */
export const defaultDerivationPath = "m/44'/60'/0'/0"

/**
 * The environment variable read when a mnemonic source has no `phrase`.
 *
 * @example
 * process.env[mnemonicVariable] // TESTNET_MNEMONIC
 */
export const mnemonicVariable = "TESTNET_MNEMONIC"

/**
 * Derives `count` wallets from a BIP-39 phrase: the node at `path` is derived once, then each
 * wallet is its child `path/i` (a full HD wallet per worker would cost ~11 ms and ~34 KB each).
 * The phrase comes from `phrase` or `TESTNET_MNEMONIC`; errors never contain it. Each child
 * costs ~0.5–2 ms, so the loop yields to the event loop every 256 wallets (progress bars and
 * signal handlers keep running) and calls `onDerived` after each wallet.
 *
 * @example
 * const loaded = await deriveMnemonicWallets({ phrase: "test test test test test test test test test test test junk", count: 2 }, {})
 * loaded.unwrap()[0]?.wallet.address // "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"
 */
export async function deriveMnemonicWallets(
  source: { phrase?: string | undefined; path?: string | undefined; count: number },
  environment: Readonly<Record<string, string | undefined>>,
  onDerived?: () => void,
): Promise<Result<LoadedWallet[], WalletInvalidMnemonicErrorType | WalletEmptySourceErrorType>> {
  const phrase = (source.phrase ?? environment[mnemonicVariable] ?? "").trim().replace(/\s+/g, " ")
  const path = (source.path ?? defaultDerivationPath).replace(/\/+$/, "")
  if (phrase === "") {
    return Err(
      new WalletInvalidMnemonicError({ source: "mnemonic", reason: `no phrase (set ${mnemonicVariable})` }),
    )
  }
  if (!Mnemonic.isValidMnemonic(phrase)) {
    return Err(
      new WalletInvalidMnemonicError({
        source: "mnemonic",
        reason: "the phrase is not a valid BIP-39 mnemonic",
      }),
    )
  }
  if (!Number.isSafeInteger(source.count) || source.count < 1) {
    return Err(
      new WalletEmptySourceError({
        source: `mnemonic ${path} (count ${source.count})`,
        hint: "Set count ≥ 1.",
      }),
    )
  }
  let parent: HDNodeWallet
  try {
    parent = HDNodeWallet.fromPhrase(phrase, undefined, path)
  } catch {
    // No cause attached: ethers' message could quote its inputs.
    return Err(
      new WalletInvalidMnemonicError({ source: "mnemonic", reason: `invalid derivation path ${path}` }),
    )
  }
  const loaded: LoadedWallet[] = []
  for (let index = 0; index < source.count; index++) {
    const origin = `mnemonic ${path}/${index}`
    const child = parent.deriveChild(index)
    loaded.push({ wallet: createWalletFromDerivedKey(child.privateKey, child.address), origin })
    onDerived?.()
    if (index % 256 === 255) await new Promise((resolve) => setImmediate(resolve))
  }
  return Ok(loaded)
}
