/**
 * C_sign: ethers' synchronous sign + serialize rate on one core (the baseline's method), measured
 * in CPU time so that a busy neighbour slows the wall clock but not the figure much.
 */
import { SigningKey, Transaction } from "ethers"
import { sink, transferFees } from "./devnet.js"

/**
 * C_sign in signatures per CPU-second and per wall-second.
 *
 * @example
 * const { perCpuSecond } = measureSignCalibration(1500)
 */
export function measureSignCalibration(durationMs: number): { perCpuSecond: number; perWallSecond: number } {
  const key = new SigningKey(`0x${"42".repeat(32)}`)
  // Warm-up: noble precomputes its base-point tables on first use, and the JIT needs a few rounds.
  for (let index = 0; index < 50; index += 1)
    key.sign(Transaction.from({ ...transferFees, chainId: 31337, nonce: index, to: sink }).unsignedHash)
  const cpu = process.cpuUsage()
  const startedAt = performance.now()
  let count = 0
  while (performance.now() - startedAt < durationMs) {
    const built = Transaction.from({ ...transferFees, chainId: 31337, nonce: count, to: sink, value: 1n })
    built.signature = key.sign(built.unsignedHash)
    if (built.serialized.length === 0) throw new Error("empty serialization")
    count += 1
  }
  const used = process.cpuUsage(cpu)
  return {
    perCpuSecond: (count * 1e6) / (used.user + used.system),
    perWallSecond: (count * 1000) / (performance.now() - startedAt),
  }
}
