/**
 * The machine a run was measured on.
 */
import { cpus, loadavg, totalmem } from "node:os"
import { getNativeSignerStatus } from "@testnet/core/wallet"

/**
 * Machine and software description.
 *
 * @example
 * const machine = describeMachine()
 */
export function describeMachine() {
  const processors = cpus()
  return {
    cpuModel: processors[0]?.model ?? "unknown",
    cpuCount: processors.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadAverageAtStart: loadavg().map((value) => Math.round(value * 100) / 100),
    nativeSigner: getNativeSignerStatus().available ? "libsecp256k1 (npm secp256k1 5, N-API)" : "unavailable",
  }
}

/**
 * What {@link describeMachine} returns.
 *
 * @example
 * const cores: Machine["cpuCount"] = 2
 */
export type Machine = ReturnType<typeof describeMachine>
