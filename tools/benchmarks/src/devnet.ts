/**
 * A fresh anvil per phase, always stopped (also when the phase throws).
 */
import { type Devnet, type DevnetOptions, startDevnet } from "@testnet/core/devnet"

/**
 * Runs `work` against a fresh devnet (`--block-time 1 --gas-limit 1000000000` unless overridden)
 * and stops it afterwards.
 *
 * @example
 * const result = await withDevnet({ chainId: 31337, accounts: 100 }, async (devnet) => measure(devnet))
 */
export async function withDevnet<T>(
  options: DevnetOptions,
  work: (devnet: Devnet) => Promise<T>,
): Promise<T> {
  const started = await startDevnet({ blockTimeSeconds: 1, gasLimit: 1_000_000_000n, ...options })
  if (started.isErr()) throw started.error
  try {
    return await work(started.value)
  } finally {
    await stopSurely(started.value)
  }
}

/**
 * `devnet.stop()`, bounded: a referenced timer keeps the process alive while it waits (so a stop
 * that never settles cannot end the run silently), and anvil is SIGKILLed by its PID if it is
 * still there after 3 s.
 */
async function stopSurely(devnet: Devnet): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, 3_000)
  })
  await Promise.race([devnet.stop().catch(() => undefined), timeout])
  clearTimeout(timer)
  try {
    process.kill(devnet.pid, 0)
    process.kill(devnet.pid, "SIGKILL")
    console.warn(`(devnet.stop() did not stop anvil ${devnet.pid} within 3 s; killed it)`)
  } catch {
    // Already gone: the normal case.
  }
}

/** Chain id of the plain-anvil phases. @example const chainId = benchChainId */
export const benchChainId = 31337

/**
 * The fee fields every pre-built transfer uses (anvil's base fee starts at 1 gwei and falls
 * while blocks stay below half the 1e9 gas limit).
 *
 * @example
 * const transaction = { ...transferFees, to, value: 1n }
 */
export const transferFees = {
  type: 2,
  gasLimit: 21_000n,
  maxFeePerGas: 20n * 10n ** 9n,
  maxPriorityFeePerGas: 10n ** 9n,
} as const

/**
 * Where transfers go (a fixed address nobody holds a key for).
 *
 * @example
 * const transaction = { to: sink, value: 1n }
 */
export const sink = "0x000000000000000000000000000000000000dEaD"
