/**
 * What to start. Only `chainId` is required; the defaults suit load runs (1 s blocks, a 1e9 block
 * gas limit so confirmations are not capped by gas, 10 funded dev accounts).
 *
 * @example
 * const options: DevnetOptions = { chainId: 42431, network: "tempo", hardfork: "T4" }
 */
export type DevnetOptions = {
  /** Chain id anvil reports (anvil's own default is 31337, so it is always passed). */
  chainId: number
  /** anvil `--network` (e.g. `"tempo"`): turns on a chain's precompiles and genesis. */
  network?: string
  /** anvil `--hardfork` (e.g. `"T4"` for Tempo, `"prague"`). */
  hardfork?: string
  /**
   * Seconds between blocks (fractions allowed, e.g. 0.2). Must be > 0: the devnet never automines,
   * because anvil's automine strands transactions under bursts (foundry-rs/foundry#10122).
   */
  blockTimeSeconds?: number
  /** Block gas limit. Default 1_000_000_000n (the 30M default caps 1 s blocks at ~1428 transfers). */
  gasLimit?: bigint
  /** Number of pre-funded dev accounts. Default 10. */
  accounts?: number
  /** More anvil flags, appended verbatim (e.g. `["--disable-pool-balance-checks"]`). */
  extraArguments?: readonly string[]
  /** How long to wait for `eth_chainId` to answer. Default 30 000 ms. */
  readyTimeoutMs?: number
  /** How long `stop()` waits after SIGTERM before SIGKILL. Default 3 000 ms. */
  stopGraceMs?: number
  /** How many ports to try when the chosen one is taken meanwhile. Default 5. */
  portAttempts?: number
  /** Fixed port instead of a free one (then no retry on "address in use"). */
  port?: number
  /** How a free port is chosen (default: ask the OS, see `findFreePort`). Retried on "address in use". */
  choosePort?: () => Promise<number>
  /** Environment for binary lookup (`TESTNET_ANVIL_PATH`). Default `process.env`. */
  environment?: Record<string, string | undefined>
}

/**
 * {@link DevnetOptions} with defaults applied.
 *
 * @example
 * const resolved: ResolvedDevnetOptions = resolveDevnetOptions({ chainId: 31337 })
 */
export type ResolvedDevnetOptions = Required<
  Pick<
    DevnetOptions,
    | "chainId"
    | "blockTimeSeconds"
    | "gasLimit"
    | "accounts"
    | "readyTimeoutMs"
    | "stopGraceMs"
    | "portAttempts"
  >
> &
  Pick<DevnetOptions, "network" | "hardfork" | "extraArguments" | "port" | "choosePort" | "environment">

/**
 * Fills defaults and checks invariants. Invalid values are programming errors (config validation
 * catches user input earlier), so they throw.
 *
 * @example
 * resolveDevnetOptions({ chainId: 1 }).gasLimit // 1_000_000_000n
 */
export function resolveDevnetOptions(options: DevnetOptions): ResolvedDevnetOptions {
  const resolved: ResolvedDevnetOptions = {
    ...options,
    chainId: options.chainId,
    blockTimeSeconds: options.blockTimeSeconds ?? 1,
    gasLimit: options.gasLimit ?? 1_000_000_000n,
    accounts: options.accounts ?? 10,
    readyTimeoutMs: options.readyTimeoutMs ?? 30_000,
    stopGraceMs: options.stopGraceMs ?? 3_000,
    portAttempts: options.portAttempts ?? 5,
  }
  if (!Number.isSafeInteger(resolved.chainId) || resolved.chainId <= 0) {
    throw new RangeError(`devnet chainId must be a positive integer, got ${resolved.chainId}`)
  }
  if (!(Number.isFinite(resolved.blockTimeSeconds) && resolved.blockTimeSeconds > 0)) {
    throw new RangeError(
      `devnet blockTimeSeconds must be > 0 (automine is never used), got ${resolved.blockTimeSeconds}`,
    )
  }
  if (resolved.gasLimit <= 0n) throw new RangeError("devnet gasLimit must be > 0")
  if (!Number.isSafeInteger(resolved.accounts) || resolved.accounts < 1) {
    throw new RangeError(`devnet accounts must be a positive integer, got ${resolved.accounts}`)
  }
  return resolved
}
