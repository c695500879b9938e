import { hexlify, randomBytes } from "ethers"
import { describe, expect, it } from "vitest"
import { createGasManager } from "../gas/gasManager.js"
import { createNonceManager } from "../nonce/nonceManager.js"
import { Ok } from "../result.js"
import { createReceiptTracker } from "../runner/receiptTracker.js"
import { createSubmitter } from "../runner/submitter.js"
import { createFakeChain } from "../testing/runner/fakeChain.js"
import { createMemoryRecorder } from "../testing/runner/memoryRecorder.js"
import { createWallet } from "../wallet/wallet.js"
import { fundWallets } from "./fundWallets.js"
import { nativeFundingHook } from "./nativeFundingHook.js"

const ether = 10n ** 18n
const funder = createWallet("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d").unwrap()
const workers = Array.from({ length: 3 }, () => createWallet(hexlify(randomBytes(32))).unwrap())

function setup() {
  const chain = createFakeChain()
  const { recorder } = createMemoryRecorder()
  const gas = createGasManager({ eip1559: true, minPriorityFeePerGas: 1n })
  gas.updateFromBlock({ number: 1n, baseFeePerGas: 1_000_000_000n, gasLimit: 30_000_000n })
  const tracker = createReceiptTracker({ rpc: chain.rpc, recorder })
  const submitter = createSubmitter({
    chainId: 31337,
    runId: "test",
    rpc: chain.rpc,
    nonces: createNonceManager({ fetchPendingNonce: async () => Ok(0n) }),
    gas,
    recorder,
    tracker,
  })
  const fund = (parameters: { funder?: typeof funder; target: bigint }) =>
    fundWallets({
      hook: nativeFundingHook,
      rpc: chain.rpc,
      gas,
      submitter,
      funder: parameters.funder,
      addresses: workers.map((wallet) => wallet.address),
      target: parameters.target,
    })
  return { chain, fund }
}

describe("fundWallets", () => {
  it("refuses to start when the funder cannot cover amounts plus fees, before sending anything", async () => {
    const { chain, fund } = setup()
    chain.setBalance(funder.address, ether)
    chain.setBalance(workers[0]!.address, ether / 2n)
    const result = await fund({ funder, target: ether })
    expect(result.isErr()).toBe(true)
    if (result.isOk()) return
    expect(result.error.code).toBe("FUNDING_INSUFFICIENT_BALANCE")
    // 2.5 ETH of top-ups + 3 × 21000 gas × 2 gwei max fee.
    const needed = (5n * ether) / 2n + 3n * 21_000n * 2_000_000_001n
    expect(result.error).toMatchObject({ needed, available: ether, funder: funder.address })
    expect(result.error.message).toContain(
      "needed 2.500126000000063 ETH, available 1 ETH, missing 1.500126000000063 ETH",
    )
    expect(chain.count("eth_sendRawTransaction")).toBe(0)
    // Balances were read in one go (one batch): funder + 3 workers.
    expect(chain.count("eth_getBalance")).toBe(4)
  })

  it("asks for a funder only when a wallet is below target, and does nothing when all are funded", async () => {
    const { chain, fund } = setup()
    const missing = await fund({ target: ether })
    expect(missing.isErr() && missing.error.code).toBe("FUNDING_NO_FUNDER")
    for (const wallet of workers) chain.setBalance(wallet.address, ether)
    const nothing = await fund({ target: ether })
    expect(nothing.isOk() && nothing.value.funded).toBe(0)
    expect(chain.count("eth_sendRawTransaction")).toBe(0)
  })
})
