import { writeFileSync } from "node:fs"
import { join } from "node:path"

/**
 * Writes the TOML of one suite run: mnemonic wallets (phrase from TESTNET_MNEMONIC), the Tempo
 * chain id, quiet logs. Returns the file's path.
 *
 * @example
 * const configPath = writeRunConfig(directory, "http5xx", { walletCount: 20, workers: 20 })
 */
export function writeRunConfig(
  directory: string,
  name: string,
  parameters: { walletCount: number; workers: number; chainId: number },
): string {
  const path = join(directory, `${name}.toml`)
  writeFileSync(
    path,
    [
      `chain_id = ${parameters.chainId}`,
      `workers = ${parameters.workers}`,
      `log_level = "warn"`,
      "",
      "[wallets]",
      `count = ${parameters.walletCount}`,
      "",
      "[[wallets.sources]]",
      `kind = "mnemonic"`,
      `count = ${parameters.walletCount}`,
      "",
    ].join("\n"),
  )
  return path
}
