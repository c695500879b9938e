import { hexlify, keccak256, randomBytes, Transaction } from "ethers"
import { describe, expect, it } from "vitest"
import type { RunRecorder } from "../database/recorder.js"
import type { JournalRow, TransactionUpdate } from "../database/rows.js"
import { type DatabaseErrorType, DatabaseWriteError } from "../errors/database.js"
import { RpcInsufficientFundsError, RpcNodeError, RpcTimeoutError } from "../errors/rpc.js"
import { createGasManager } from "../gas/gasManager.js"
import { createNonceManager } from "../nonce/nonceManager.js"
import { Err, Ok, type Result } from "../result.js"
import { createFastWallets } from "../signing/fastWallet.js"
import { createFakeChain } from "../testing/runner/fakeChain.js"
import { createWallet } from "../wallet/wallet.js"
import { createReceiptTracker } from "./receiptTracker.js"
import { createSubmitter } from "./submitter.js"

function setup(
  journalResult: () => Result<void, DatabaseErrorType> = () => Ok(undefined),
  options: { sync?: boolean; signingSliceMs?: number; flushAtQueued?: number } = {},
) {
  const chain = createFakeChain()
  const journals: JournalRow[][] = []
  const updates: TransactionUpdate[] = []
  const recorder: RunRecorder = {
    async journalTransactions(rows) {
      chain.events.push(`journal:${rows.length}`)
      journals.push([...rows])
      return journalResult()
    },
    updateTransactions: (rows) => updates.push(...rows) > 0,
    recordTaskMetric: () => true,
    recordCreatedContract: () => true,
    recordCreatedAsset: () => true,
    flush: async () => Ok(undefined),
    underPressure: () => false,
  }
  const nonces = createNonceManager({ fetchPendingNonce: async () => Ok(0n) })
  const gas = createGasManager({ eip1559: true, minPriorityFeePerGas: 2n })
  gas.updateFromBlock({ number: 1n, baseFeePerGas: 7n, gasLimit: 30_000_000n })
  const tracker = createReceiptTracker({ rpc: chain.rpc, recorder })
  const sent: string[] = []
  const submitter = createSubmitter({
    chainId: 31337,
    runId: "run",
    rpc: chain.rpc,
    nonces,
    gas,
    recorder,
    tracker,
    useSendRawTransactionSync: options.sync ?? false,
    onSent: (task) => sent.push(task),
    // ethers signs in ~1.5 ms: a generous slice keeps the five sends of a test in one tick.
    signingSliceMs: options.signingSliceMs ?? 1_000,
    ...(options.flushAtQueued === undefined ? {} : { flushAtQueued: options.flushAtQueued }),
  })
  return { chain, journals, updates, submitter, sent }
}

const wallets = Array.from({ length: 5 }, () => createWallet(hexlify(randomBytes(32))).unwrap())

/** One self-transfer from each of the five wallets, all started in the same tick. */
function selfTransferFromEveryWallet(submitter: ReturnType<typeof setup>["submitter"]) {
  return Promise.all(
    wallets.map((wallet) =>
      submitter.send({
        wallet,
        taskName: "transfer",
        request: { to: wallet.address, value: 1n, gasLimit: 21_000n },
      }),
    ),
  )
}

describe("submission pipeline", () => {
  it("journals all sends of a tick in one commit BEFORE broadcasting them together", async () => {
    const { chain, journals, submitter, sent } = setup()
    const results = await selfTransferFromEveryWallet(submitter)
    expect(results.every((result) => result.isOk())).toBe(true)
    expect(journals).toHaveLength(1)
    expect(journals[0]).toHaveLength(5)
    // The journal commit precedes every broadcast; no per-transaction nonce/fee/chain-id lookups.
    const firstBroadcast = chain.events.indexOf("eth_sendRawTransaction")
    expect(chain.events.indexOf("journal:5")).toBeLessThan(firstBroadcast)
    expect(chain.count("eth_sendRawTransaction")).toBe(5)
    expect(
      chain.calls.map((call) => call.method).filter((method) => method !== "eth_sendRawTransaction"),
    ).toEqual([])
    // hash = keccak256(raw), and the signed fields are the pipeline's.
    for (const call of chain.calls) {
      const raw = call.params[0] as string
      const parsed = Transaction.from(raw)
      const row = journals[0]?.find((entry) => entry.hash === keccak256(raw))
      expect(row).toBeDefined()
      expect(parsed.type).toBe(2)
      expect(parsed.chainId).toBe(31337n)
      expect(parsed.nonce).toBe(0)
      expect(parsed.maxFeePerGas).toBe(7n * 2n + 2n)
      expect(parsed.maxPriorityFeePerGas).toBe(2n)
      expect(parsed.from).toBe(row?.wallet)
    }
    expect(sent).toHaveLength(5)
  })

  it("lets a burst still being signed leave in parts, each journaled before its broadcast", async () => {
    // A slice budget far below one signature: one send is signed per tick, so the burst is still
    // being signed when the first part is full (ADR 0016: the first sends of a wave leave early).
    const { chain, journals, submitter } = setup(undefined, { signingSliceMs: 0.001, flushAtQueued: 2 })
    const results = await selfTransferFromEveryWallet(submitter)
    expect(results.every((result) => result.isOk())).toBe(true)
    expect(journals.length).toBeGreaterThan(1)
    expect(journals.every((rows) => rows.length <= 2)).toBe(true)
    expect(journals.flat()).toHaveLength(5)
    // Every part's commit precedes its own broadcasts, and the first part left before the last
    // part was journaled.
    const journalEvents = chain.events.flatMap((event, index) =>
      event.startsWith("journal:") ? [index] : [],
    )
    const broadcasts = chain.events.flatMap((event, index) =>
      event === "eth_sendRawTransaction" ? [index] : [],
    )
    expect(broadcasts[0]).toBeGreaterThan(journalEvents[0] as number)
    expect(broadcasts[0]).toBeLessThan(journalEvents.at(-1) as number)
    let journaledSoFar = 0
    let broadcastSoFar = 0
    for (const event of chain.events) {
      if (event.startsWith("journal:")) journaledSoFar += Number(event.slice("journal:".length))
      if (event === "eth_sendRawTransaction") broadcastSoFar += 1
      expect(broadcastSoFar).toBeLessThanOrEqual(journaledSoFar)
    }
  })

  it("journals the fast signer's own hash, which equals keccak256 of the broadcast bytes", async () => {
    const { chain, journals, submitter } = setup()
    const fastWallets = createFastWallets(wallets).unwrap()
    const results = await Promise.all(
      fastWallets.map((wallet) =>
        submitter.send({
          wallet,
          taskName: "transfer",
          request: { to: wallet.address, value: 1n, gasLimit: 21_000n },
        }),
      ),
    )
    expect(results.every((result) => result.isOk())).toBe(true)
    const broadcastHashes = chain.calls.map((call) => keccak256(call.params[0] as string)).sort()
    expect(journals[0]?.map((row) => row.hash).sort()).toEqual(broadcastHashes)
  })

  it("hands out consecutive nonces and records a rejected broadcast without counting it as sent", async () => {
    const { chain, submitter, updates, sent } = setup()
    const wallet = wallets[0]!
    const first = await submitter.send({
      wallet,
      taskName: "t",
      request: { to: wallet.address, gasLimit: 21_000n },
    })
    expect(first.isOk() && first.value.nonce).toBe(0n)
    // Make the next transaction fail at the node.
    const probe = wallet.signTransaction({
      type: 2,
      chainId: 31337,
      nonce: 1,
      to: wallet.address,
      gasLimit: 21_000n,
      value: 0n,
      data: "0x",
      maxFeePerGas: 16n,
      maxPriorityFeePerGas: 2n,
    })
    chain.rejectSend(
      keccak256(probe),
      new RpcInsufficientFundsError({ method: "eth_sendRawTransaction", nodeMessage: "insufficient funds" }),
    )
    const second = await submitter.send({
      wallet,
      taskName: "t",
      request: { to: wallet.address, gasLimit: 21_000n },
    })
    expect(second.isErr() && second.error.code).toBe("RPC_INSUFFICIENT_FUNDS")
    expect(updates).toEqual([
      { hash: keccak256(probe), status: "failed", errorCode: "RPC_INSUFFICIENT_FUNDS" },
    ])
    expect(sent).toHaveLength(1)
    // The rejected nonce was released and is handed out again.
    const third = await submitter.send({
      wallet,
      taskName: "t",
      request: { to: wallet.address, value: 5n, gasLimit: 21_000n },
    })
    expect(third.isOk() && third.value.nonce).toBe(1n)
  })

  it("keeps a send with an unknown outcome pending, counted as sent, its nonce held (ADR 0013)", async () => {
    const { chain, submitter, updates, sent } = setup()
    const wallet = wallets[1]!
    const signedAt = (nonce: number) =>
      keccak256(
        wallet.signTransaction({
          type: 2,
          chainId: 31337,
          nonce,
          to: wallet.address,
          gasLimit: 21_000n,
          value: 0n,
          data: "0x",
          maxFeePerGas: 16n,
          maxPriorityFeePerGas: 2n,
        }),
      )
    chain.rejectSend(
      signedAt(0),
      new RpcNodeError({ method: "eth_sendRawTransaction", nodeCode: -32603, nodeMessage: "internal error" }),
    )
    chain.rejectSend(
      signedAt(1),
      new RpcTimeoutError({ method: "eth_sendRawTransaction", timeoutMs: 10_000 }),
    )
    const request = { to: wallet.address, gasLimit: 21_000n }
    const first = await submitter.send({ wallet, taskName: "t", request })
    const second = await submitter.send({ wallet, taskName: "t", request })
    const third = await submitter.send({ wallet, taskName: "t", request })
    expect([first, second, third].map((result) => result.isOk() && result.value.nonce)).toEqual([0n, 1n, 2n])
    expect(updates).toEqual([])
    expect(sent).toHaveLength(3)
    expect(submitter.sentCount).toBe(3)
  })

  it("never broadcasts what could not be journaled", async () => {
    let failing = true
    const { chain, submitter } = setup(() =>
      failing
        ? Err(
            new DatabaseWriteError({
              target: "test.db",
              operation: "journal",
              cause: new Error("disk full"),
            }),
          )
        : Ok(undefined),
    )
    const wallet = wallets[1]!
    const failed = await submitter.send({
      wallet,
      taskName: "t",
      request: { to: wallet.address, gasLimit: 21_000n },
    })
    expect(failed.isErr()).toBe(true)
    expect(chain.count("eth_sendRawTransaction")).toBe(0)
    failing = false
    const retried = await submitter.send({
      wallet,
      taskName: "t",
      request: { to: wallet.address, gasLimit: 21_000n },
    })
    expect(retried.isOk() && retried.value.nonce).toBe(0n)
    expect(chain.count("eth_sendRawTransaction")).toBe(1)
  })

  it("takes the receipt from eth_sendRawTransactionSync (one parameter) without waiting for a block poll", async () => {
    const { chain, submitter, updates } = setup(undefined, { sync: true })
    const wallet = wallets[2]!
    const sent = await submitter.send({
      wallet,
      taskName: "t",
      request: { to: wallet.address, gasLimit: 21_000n },
    })
    if (sent.isErr()) throw sent.error
    const receipt = await sent.value.wait()
    expect(receipt.isOk() && receipt.value.hash).toBe(sent.value.hash)
    expect(
      chain.calls
        .filter((call) => call.method === "eth_sendRawTransactionSync")
        .map((call) => call.params.length),
    ).toEqual([1])
    expect(chain.count("eth_blockNumber")).toBe(0)
    expect(updates.map((update) => update.status)).toEqual(["included"])
  })
})
