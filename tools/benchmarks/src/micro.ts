/**
 * Micro-benchmarks of the hot path with tinybench: signing (ethers vs native vs lean+JS
 * fallback), encoding (ethers vs lean), nonce reserve + submit, fee fill, recorder journal flush.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import {
  createFastWallet,
  createGasManager,
  createNonceManager,
  createWallet,
  encodeUnsigned,
  Ok,
  openDatabase,
  toLeanTransaction,
} from "@testnet/core"
import { keccak256, Transaction } from "ethers"
import { Bench } from "tinybench"
import { sink, transferFees } from "./devnet.js"

/**
 * One micro-benchmark row.
 *
 * @example
 * const row: MicroResult = { name: "sign: native", meanUs: 95, p99Us: 140, opsPerSecond: 10_500, samples: 2000 }
 */
export type MicroResult = {
  name: string
  meanUs: number
  p99Us: number | undefined
  opsPerSecond: number
  samples: number
}

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
  const bench = new Bench({ time: timeMs, warmupTime: Math.min(200, timeMs / 4) })
  bench
    .add("sign: ethers (core createWallet)", () => {
      reference.signTransaction(transaction)
    })
    .add("sign: fast, native libsecp256k1", () => {
      native.signTransaction(transaction)
    })
    .add("sign: fast, lean encoder + ethers fallback", () => {
      fallback.signTransaction(transaction)
    })
    .add("encode + hash: ethers Transaction", () => {
      Transaction.from(transaction).unsignedHash
    })
    .add("encode + hash: lean encoder", () => {
      keccak256(
        encodeUnsigned(toLeanTransaction(transaction) as NonNullable<ReturnType<typeof toLeanTransaction>>),
      )
    })
    .add("nonce: reserve + markSubmitted (known lane)", async () => {
      ;(await nonces.reserve(lane)).unwrap().markSubmitted()
    })
    .add("fee fill: gas.currentFees()", () => {
      gas.currentFees().unwrap()
    })
    .add("recorder: journal 100 rows (one SQLite commit), per row", async () => {
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
    })
  try {
    await bench.run()
  } finally {
    await database.close()
    rmSync(directory, { recursive: true, force: true })
  }
  return bench.tasks.map((task) => {
    const result = task.result as
      | { latency?: { mean: number; p99?: number; samples?: number[] }; throughput?: { mean: number } }
      | undefined
    const perRow = task.name.startsWith("recorder") ? 100 : 1
    const meanMs = result?.latency?.mean ?? Number.NaN
    return {
      name: task.name,
      meanUs: (meanMs * 1000) / perRow,
      p99Us: result?.latency?.p99 === undefined ? undefined : (result.latency.p99 * 1000) / perRow,
      opsPerSecond: (1000 / meanMs) * perRow,
      samples: result?.latency?.samples?.length ?? 0,
    }
  })
}
