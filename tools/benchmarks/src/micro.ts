/**
 * Micro-benchmarks of the hot path with tinybench: signing (ethers vs native vs lean+JS
 * fallback), encoding (ethers vs lean), keccak-256 (native vs JS), nonce reserve + submit, fee
 * fill, recorder journal flush.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { createWallet, Ok } from "@testnet/core"
import { openDatabase } from "@testnet/core/database"
import { createGasManager, createNonceManager } from "@testnet/core/runner"
import {
  createFastWallet,
  encodeUnsigned,
  getNativeKeccakStatus,
  type LeanTransaction,
  toLeanTransaction,
} from "@testnet/core/wallet"
import { getBytes, keccak256, Transaction } from "ethers"
import { Bench } from "tinybench"
import { sink, transferFees } from "./devnet.js"

/**
 * One micro-benchmark row.
 *
 * @example
 * const row: MicroResult = { name: "sign: native", cpuUs: 95, meanUs: 120, p99Us: 140, samples: 2000 }
 */
export type MicroResult = {
  name: string
  /** Node CPU time per operation (process.cpuUsage over the timed runs): steadier than wall time here. */
  cpuUs: number
  /** Wall-clock mean and p99 per operation (tinybench), inflated when the box is busy. */
  meanUs: number
  p99Us: number | undefined
  samples: number
}

/** A row's name, the operation, and how many items one call handles. */
type Operation = [string, () => unknown, number]

const key = `0x${"42".repeat(32)}`
const transaction = { ...transferFees, chainId: 31337, nonce: 7, to: sink, value: 1n, data: "0x" }

/**
 * Runs every micro-benchmark for `timeMs` each.
 *
 * @example
 * const rows = await runMicroBenchmarks(500)
 */
export async function runMicroBenchmarks(timeMs: number): Promise<MicroResult[]> {
  const reference = createWallet(key).unwrap()
  const native = createFastWallet(reference, { backend: "native" }).unwrap()
  const fallback = createFastWallet(reference, { backend: "ethers" }).unwrap()
  const lane = { chainId: 31337, address: reference.address, nonceKey: 0n }
  const nonces = createNonceManager({ fetchPendingNonce: async () => Ok(0n) })
  ;(await nonces.reserve(lane)).unwrap().markSubmitted()
  const gas = createGasManager({ eip1559: true })
  gas.updateFromBlock({ number: 1n, baseFeePerGas: 10n ** 9n, gasLimit: 10n ** 9n }, 10n ** 8n)
  const directory = mkdtempSync(join(tmpdir(), "bench-micro-"))
  const database = (await openDatabase({ url: join(directory, "micro.db") })).unwrap()
  const runId = (
    await database.createRun({ chain: "micro", chainId: 31337, config: {}, toolVersion: "bench" })
  ).unwrap().id
  let sequence = 0
  // The fast signer hashes a signed transfer (~110 bytes) and its unsigned payload per transaction.
  const signedTransfer = getBytes(native.signTransaction(transaction))
  const keccak = getNativeKeccakStatus()
  const nativeHashRow: Operation[] = keccak.available
    ? [["hash: keccak-256 (native)", () => keccak.keccak256(signedTransfer), 1]]
    : []
  const operations: Operation[] = [
    ["sign: ethers (core createWallet)", () => reference.signTransaction(transaction), 1],
    ["sign: fast, native libsecp256k1", () => native.signTransaction(transaction), 1],
    ["sign: fast, lean encoder + ethers fallback", () => fallback.signTransaction(transaction), 1],
    ["encode + hash: ethers Transaction", () => Transaction.from(transaction).unsignedHash, 1],
    [
      "encode + hash: lean encoder",
      () => keccak256(encodeUnsigned(toLeanTransaction(transaction) as LeanTransaction)),
      1,
    ],
    ...nativeHashRow,
    ["hash: keccak-256 (js)", () => keccak256(signedTransfer), 1],
    [
      "nonce: reserve + markSubmitted (known lane)",
      async () => (await nonces.reserve(lane)).unwrap().markSubmitted(),
      1,
    ],
    ["fee fill: gas.currentFees()", () => gas.currentFees().unwrap(), 1],
    [
      "recorder: journal 100 rows (one SQLite commit), per row",
      async () => {
        const rows = Array.from({ length: 100 }, () => {
          sequence += 1
          return {
            hash: `0x${sequence.toString(16).padStart(64, "0")}`,
            runId,
            chainId: 31337,
            wallet: reference.address,
            nonceKey: 0n,
            nonce: BigInt(sequence),
            task: "transfer",
            sentAt: Date.now(),
          }
        })
        ;(await database.recorder.journalTransactions(rows)).unwrap()
      },
      100,
    ],
  ]
  const results: MicroResult[] = []
  try {
    for (const [name, operation, perCall] of operations) {
      // Own warm-up (JIT, noble's tables), then tinybench without its warm-up so CPU time ÷ runs is exact.
      for (let index = 0; index < 20; index += 1) await operation()
      const bench = new Bench({ time: timeMs, warmup: false })
      bench.add(name, operation)
      const cpu = process.cpuUsage()
      await bench.run()
      const used = process.cpuUsage(cpu)
      const task = bench.tasks[0]
      const latency = (task?.result as { latency?: { mean: number; p99?: number } } | undefined)?.latency
      const runs = Math.max(1, task?.runs ?? 1)
      results.push({
        name,
        cpuUs: (used.user + used.system) / runs / perCall,
        meanUs: ((latency?.mean ?? Number.NaN) * 1000) / perCall,
        p99Us: latency?.p99 === undefined ? undefined : (latency.p99 * 1000) / perCall,
        samples: runs,
      })
    }
  } finally {
    await database.close()
    rmSync(directory, { recursive: true, force: true })
  }
  return results
}
