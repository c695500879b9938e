import { hexlify, randomBytes } from "ethers"
import { describe, expect, it } from "vitest"
import { createGasManager } from "../gas/gasManager.js"
import { createNonceManager } from "../nonce/nonceManager.js"
import { Ok } from "../result.js"
import { createFastWallets } from "../signing/fastWallet.js"
import type { TaskDatabase } from "../tasks/context.js"
import type { ChainDefinition } from "../tasks/defineChain.js"
import { createRandom } from "../tasks/random.js"
import { createFakeChain } from "../testing/runner/fakeChain.js"
import { createMemoryRecorder } from "../testing/runner/memoryRecorder.js"
import { createWallet } from "../wallet/wallet.js"
import { silentLogger } from "./ports.js"
import { createReceiptTracker } from "./receiptTracker.js"
import { createSubmitter } from "./submitter.js"
import { createTaskContext } from "./taskContext.js"

const { recorder } = createMemoryRecorder()

describe("task context", () => {
  it("waitForReceipt finds the task's own send after the tracker forgot it", async () => {
    const chain = createFakeChain()
    const gas = createGasManager({ eip1559: true, minPriorityFeePerGas: 2n })
    gas.updateFromBlock({ number: 1n, baseFeePerGas: 7n, gasLimit: 30_000_000n })
    const tracker = createReceiptTracker({ rpc: chain.rpc, recorder })
    const submitter = createSubmitter({
      chainId: 31337,
      runId: "run",
      rpc: chain.rpc,
      nonces: createNonceManager({ fetchPendingNonce: async () => Ok(0n) }),
      gas,
      recorder,
      tracker,
      // The receipt comes back with the send: every transaction settles at once.
      useSendRawTransactionSync: true,
    })
    const [wallet, other] = createFastWallets([
      createWallet(hexlify(randomBytes(32))).unwrap(),
      createWallet(hexlify(randomBytes(32))).unwrap(),
    ]).unwrap()
    if (wallet === undefined || other === undefined) throw new Error("two wallets expected")
    const context = createTaskContext({
      chain: { name: "fake", tasks: [] } as unknown as ChainDefinition,
      chainId: 31337,
      runId: "run",
      worker: 0,
      taskName: "transfer",
      wallet,
      submitter,
      tracker,
      rpc: chain.rpc,
      gas,
      random: createRandom(1),
      database: {} as TaskDatabase,
      logger: silentLogger,
      signal: new AbortController().signal,
      recorder,
    })
    const own = await context.send({ to: other.address, value: 1n, gasLimit: 21_000n })
    if (own.isErr()) throw own.error
    expect((await context.waitForReceipt(own.value.hash)).isOk()).toBe(true)
    // Other tasks' transactions settle meanwhile: more than the tracker remembers.
    for (let round = 0; round < 11; round += 1) {
      const sends = Array.from({ length: 100 }, () =>
        submitter.send({ wallet: other, taskName: "t", request: { to: wallet.address, gasLimit: 21_000n } }),
      )
      for (const sent of await Promise.all(sends)) if (sent.isOk()) await sent.value.outcome
    }
    expect(tracker.outcomeOf(own.value.hash)).toBeUndefined()
    const receipt = await context.waitForReceipt(own.value.hash.toUpperCase().replace("0X", "0x"))
    expect(receipt.isOk() && receipt.value.hash).toBe(own.value.hash)
    const unknown = await context.waitForReceipt(`0x${"ab".repeat(32)}`)
    expect(unknown.isErr() && unknown.error.code).toBe("RUNNER_UNKNOWN_TRANSACTION")
  })
})
