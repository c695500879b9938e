/**
 * (a) The raw limit: pre-signed transfers blasted in JSON-RPC batches of 200, 4 in flight, and
 * the C_anvil calibration (same blast with interval mining off and an evm_mine loop instead).
 */
import { createFastWallet } from "@testnet/core/wallet"
import { keccak256 } from "ethers"
import { benchChainId, sink, transferFees, withDevnet } from "../devnet.js"
import { createInclusionWatcher, percentile } from "../inclusion.js"
import { createJsonRpc } from "../jsonRpc.js"
import { startMeasurement } from "../measure.js"
import { type PhaseResult, perTransaction } from "./types.js"

/**
 * Options of {@link runRawPhase}.
 *
 * @example
 * const options: RawPhaseOptions = { count: 20_000, senders: 100 }
 */
export type RawPhaseOptions = {
  count: number
  senders: number
  batchSize?: number
  inFlight?: number
  /** C_anvil: no interval mining (1 h block time) and an evm_mine every 100 ms. */
  mineLoop?: boolean
  timeoutMs?: number
}

/**
 * Runs the blast on a fresh devnet.
 *
 * @example
 * const raw = await runRawPhase({ count: 20_000, senders: 100 })
 */
export async function runRawPhase(options: RawPhaseOptions): Promise<PhaseResult> {
  const batchSize = options.batchSize ?? 200
  const inFlight = options.inFlight ?? 4
  const timeoutMs = options.timeoutMs ?? 90_000
  return withDevnet(
    {
      chainId: benchChainId,
      accounts: options.senders,
      ...(options.mineLoop ? { blockTimeSeconds: 3600 } : {}),
    },
    async (devnet) => {
      const signers = devnet.accounts.map((account) => createFastWallet(account.privateKey).unwrap())
      const raws: string[] = []
      for (let index = 0; index < options.count; index += 1) {
        const signer = signers[index % signers.length]
        if (signer === undefined) throw new Error("no dev accounts")
        raws.push(
          signer.signTransaction({
            ...transferFees,
            chainId: benchChainId,
            nonce: Math.floor(index / signers.length),
            to: sink,
            value: 1n,
          }),
        )
      }
      const hashes = raws.map((raw) => keccak256(raw))
      const rpc = createJsonRpc(devnet.rpcUrl)
      const watcher = createInclusionWatcher((method, params) => rpc.call(method, params))
      await new Promise((resolve) => setTimeout(resolve, 200))
      let mining = options.mineLoop === true
      const miner = (async () => {
        while (mining) {
          await rpc.call("evm_mine", []).catch(() => undefined)
          await new Promise((resolve) => setTimeout(resolve, 100))
        }
      })()
      const measuring = startMeasurement(devnet.pid)
      const startedAt = performance.now()
      let next = 0
      let rejected = 0
      const deadline = startedAt + timeoutMs
      await Promise.all(
        Array.from({ length: inFlight }, async () => {
          while (next < raws.length && performance.now() < deadline) {
            const start = next
            next += batchSize
            const sentAt = performance.now()
            const chunk = raws.slice(start, start + batchSize)
            for (let index = start; index < start + chunk.length; index += 1)
              watcher.expect(hashes[index] as string, sentAt)
            const answers = await rpc.batch(
              chunk.map((raw) => ({ method: "eth_sendRawTransaction", params: [raw] })),
            )
            rejected += answers.filter((answer) => typeof answer !== "string").length
          }
        }),
      )
      const acceptedAt = performance.now()
      await watcher.waitForAll(Math.max(1000, deadline - performance.now()))
      const measurement = measuring.stop()
      mining = false
      watcher.stop()
      await miner
      const confirmed = watcher.confirmed
      const endedAt = watcher.lastConfirmedAt ?? performance.now()
      return {
        id: options.mineLoop ? "c_anvil" : "a",
        label: options.mineLoop
          ? "C_anvil: pre-signed, batches of 200 × 4, no interval mining + evm_mine loop"
          : "(a) raw limit: pre-signed transfers, batches of 200 × 4 in flight",
        measured: true,
        notes: rejected > 0 ? [`${rejected} sends rejected by the node`] : [],
        transactions: options.count,
        confirmed,
        confirmedTps: (confirmed * 1000) / (endedAt - startedAt),
        acceptedTps: ((options.count - rejected) * 1000) / (acceptedAt - startedAt),
        ...perTransaction(measurement, {
          confirmed,
          calls: rpc.stats.calls,
          httpRequests: rpc.stats.httpRequests,
        }),
        p50InclusionMs: percentile(watcher.latenciesMs, 50),
        p99InclusionMs: percentile(watcher.latenciesMs, 99),
        measurement,
      }
    },
  )
}
