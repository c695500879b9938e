import { existsSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { DevnetBinaryNotFoundError, type DevnetBinaryNotFoundErrorType } from "../errors/devnet.js"
import { Err, Ok, type Result } from "../result.js"

/**
 * How to launch anvil: the executable and the arguments that must precede anvil's own.
 *
 * @example
 * const anvil: AnvilCommand = { command: "/usr/local/bin/anvil", prefixArguments: [], source: "environment" }
 */
export type AnvilCommand = {
  /** Absolute path of the executable (the anvil binary, or `node` for the npm wrapper). */
  readonly command: string
  /** Arguments placed before anvil's flags (the wrapper script path when `command` is node). */
  readonly prefixArguments: readonly string[]
  /** Where the command came from, for diagnostics. */
  readonly source: "environment" | "platform-package" | "npm-wrapper"
}

const platformPackages: Record<string, string | undefined> = {
  "linux-x64": "@foundry-rs/anvil-linux-amd64",
  "linux-arm64": "@foundry-rs/anvil-linux-arm64",
  "darwin-x64": "@foundry-rs/anvil-darwin-amd64",
  "darwin-arm64": "@foundry-rs/anvil-darwin-arm64",
  "win32-x64": "@foundry-rs/anvil-win32-amd64",
}

/**
 * Finds the anvil executable. Order: `TESTNET_ANVIL_PATH`, then the platform binary shipped as an
 * optional dependency of `@foundry-rs/anvil` (spawned directly: no extra node process between us
 * and anvil, so signals and PIDs refer to anvil itself), then the package's node wrapper `bin.mjs`.
 *
 * @example
 * const anvil = resolveAnvilBinary()
 * if (anvil.isOk()) spawn(anvil.value.command, [...anvil.value.prefixArguments, "--version"])
 */
export function resolveAnvilBinary(
  environment: Record<string, string | undefined> = process.env,
): Result<AnvilCommand, DevnetBinaryNotFoundErrorType> {
  const searched: string[] = []
  const fromEnvironment = environment.TESTNET_ANVIL_PATH
  if (fromEnvironment !== undefined && fromEnvironment !== "") {
    if (existsSync(fromEnvironment)) {
      return Ok({ command: fromEnvironment, prefixArguments: [], source: "environment" })
    }
    searched.push(`TESTNET_ANVIL_PATH=${fromEnvironment}`)
  }

  const require = createRequire(import.meta.url)
  let wrapperPackageJson: string
  try {
    wrapperPackageJson = require.resolve("@foundry-rs/anvil/package.json")
  } catch (cause) {
    searched.push("@foundry-rs/anvil (not installed)")
    return Err(new DevnetBinaryNotFoundError({ searched, cause }) as DevnetBinaryNotFoundErrorType)
  }

  // The platform package is an optional dependency of the wrapper, not of core: resolve it from
  // the wrapper's location (pnpm puts it beside the wrapper, not in our node_modules).
  const platformPackage = platformPackages[`${process.platform}-${process.arch}`]
  const binaryName = process.platform === "win32" ? "anvil.exe" : "anvil"
  if (platformPackage !== undefined) {
    const specifier = `${platformPackage}/bin/${binaryName}`
    try {
      const binary = createRequire(wrapperPackageJson).resolve(specifier)
      if (existsSync(binary)) return Ok({ command: binary, prefixArguments: [], source: "platform-package" })
      searched.push(binary)
    } catch {
      searched.push(specifier)
    }
  }

  const wrapper = join(dirname(wrapperPackageJson), "bin.mjs")
  if (existsSync(wrapper)) {
    return Ok({ command: process.execPath, prefixArguments: [wrapper], source: "npm-wrapper" })
  }
  searched.push(wrapper)
  return Err(new DevnetBinaryNotFoundError({ searched }) as DevnetBinaryNotFoundErrorType)
}
