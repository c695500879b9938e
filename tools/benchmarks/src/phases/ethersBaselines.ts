/**
 * (b) The naive ethers baseline (baseline 3c: Wallet + NonceManager + sendTransaction, tx.wait()
 * for confirmation, 64 in flight over 16 wallets, ethers defaults) and (c) the tuned one
 * (baseline 3e: local nonces, explicit fields, signTransaction, provider.send of the raw bytes).
 */
import { JsonRpcProvider, keccak256, NonceManager, Wallet } from "ethers"
import { createCountingRequest } from "../countingFetch.js"
import { benchChainId, sink, transferFees, withDevnet } from "../devnet.js"
import { createInclusionWatcher, percentile } from "../inclusion.js"
import { startMeasurement } from "../measure.js"
import { type PhaseResult, perTransaction } from "./types.js"

/**
 * Options of both ethers phases.
 *
 * @example
 * const options: EthersPhaseOptions = { count: 1500, wallets: 16, inFlight: 64 }
 */
export type EthersPhaseOptions = { count: number; wallets: number; inFlight: number; timeoutMs?: number }

/**
 * (b): what a typical ethers script does.
 *
 * @example
 * const naive = await runNaivePhase({ count: 1500, wallets: 16, inFlight: 64 })
 */
export async function runNaivePhase(options: EthersPhaseOptions): Promise<PhaseResult> {
  const timeoutMs = options.timeoutMs ?? 90_000
  return withDevnet({ chainId: benchChainId, accounts: options.wallets }, async (devnet) => {
    const { request, stats } = createCountingRequest(devnet.rpcUrl)
    const provider = new JsonRpcProvider(request)
    const signers = devnet.accounts.map(
      (account) => new NonceManager(new Wallet(account.privateKey, provider)),
    )
    const measuring = startMeasurement(devnet.pid)
    const startedAt = performance.now()
    const deadline = startedAt + timeoutMs
    const latencies: number[] = []
    const waits: Promise<void>[] = []
    let lastConfirmedAt = startedAt
    let next = 0
    let failures = 0
    await Promise.all(
      Array.from({ length: options.inFlight }, async (_, worker) => {
        const signer = signers[worker % signers.length] as NonceManager
        while (next < options.count && performance.now() < deadline) {
          next += 1
          const sentAt = performance.now()
          try {
            const response = await signer.sendTransaction({ to: sink, value: 1n })
            waits.push(
              response.wait(1, timeoutMs).then(
                () => {
                  lastConfirmedAt = performance.now()
                  latencies.push(lastConfirmedAt - sentAt)
                },
                () => {
                  failures += 1
                },
              ),
            )
          } catch {
            failures += 1
          }
        }
      }),
    )
    await Promise.race([Promise.all(waits), new Promise((resolve) => setTimeout(resolve, timeoutMs))])
    const measurement = measuring.stop()
    provider.destroy()
    const confirmed = latencies.length
    return {
      id: "b",
      label: `(b) naive ethers: NonceManager + sendTransaction + wait, ${options.inFlight} in flight over ${options.wallets} wallets`,
      measured: true,
      notes: failures > 0 ? [`${failures} sends or waits failed`] : [],
      transactions: next,
      confirmed,
      confirmedTps: (confirmed * 1000) / (lastConfirmedAt - startedAt),
      acceptedTps: undefined,
      ...perTransaction(measurement, { confirmed, ...stats }),
      p50InclusionMs: percentile(latencies, 50),
      p99InclusionMs: percentile(latencies, 99),
      measurement,
    }
  })
}

/**
 * (c): ethers used well — no per-transaction population, no broadcastTransaction re-parse.
 *
 * @example
 * const tuned = await runTunedPhase({ count: 3000, wallets: 64, inFlight: 256 })
 */
export async function runTunedPhase(options: EthersPhaseOptions): Promise<PhaseResult> {
  const timeoutMs = options.timeoutMs ?? 90_000
  return withDevnet({ chainId: benchChainId, accounts: options.wallets }, async (devnet) => {
    const { request, stats } = createCountingRequest(devnet.rpcUrl)
    const provider = new JsonRpcProvider(request, benchChainId, { staticNetwork: true })
    const wallets = devnet.accounts.map((account) => ({ wallet: new Wallet(account.privateKey), nonce: 0 }))
    const watcher = createInclusionWatcher((method, params) => provider.send(method, [...params]))
    await new Promise((resolve) => setTimeout(resolve, 200))
    const measuring = startMeasurement(devnet.pid)
    const startedAt = performance.now()
    const deadline = startedAt + timeoutMs
    let next = 0
    let rejected = 0
    await Promise.all(
      Array.from({ length: options.inFlight }, async (_, worker) => {
        const entry = wallets[worker % wallets.length] as (typeof wallets)[number]
        while (next < options.count && performance.now() < deadline) {
          next += 1
          const sentAt = performance.now()
          const raw = await entry.wallet.signTransaction({
            ...transferFees,
            chainId: benchChainId,
            nonce: entry.nonce++,
            to: sink,
            value: 1n,
          })
          watcher.expect(keccak256(raw), sentAt)
          try {
            await provider.send("eth_sendRawTransaction", [raw])
          } catch {
            rejected += 1
          }
        }
      }),
    )
    await watcher.waitForAll(Math.max(1000, deadline - performance.now()))
    const measurement = measuring.stop()
    watcher.stop()
    provider.destroy()
    const confirmed = watcher.confirmed
    return {
      id: "c",
      label: `(c) tuned ethers: local nonces + explicit fields + signTransaction + provider.send, ${options.inFlight} in flight over ${options.wallets} wallets`,
      measured: true,
      notes: rejected > 0 ? [`${rejected} sends rejected`] : [],
      transactions: next,
      confirmed,
      confirmedTps: (confirmed * 1000) / ((watcher.lastConfirmedAt ?? performance.now()) - startedAt),
      acceptedTps: undefined,
      ...perTransaction(measurement, { confirmed, ...stats }),
      p50InclusionMs: percentile(watcher.latenciesMs, 50),
      p99InclusionMs: percentile(watcher.latenciesMs, 99),
      measurement,
    }
  })
}
