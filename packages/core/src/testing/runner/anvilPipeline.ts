import type { RunRecorder } from "../../database/recorder.js"
import { createGasManager, type GasManagerParameters } from "../../gas/gasManager.js"
import { createNonceManager } from "../../nonce/nonceManager.js"
import type { RpcClient } from "../../rpc/client.js"
import { createReceiptTracker } from "../../runner/receiptTracker.js"
import { createSubmitter } from "../../runner/submitter.js"
import type { ReceiptTrackerOptions } from "../../runner/tracker/types.js"

/**
 * The send pipeline as the runner wires it — nonce lanes read from the node's pending count, the
 * per-block fee cache, the receipt tracker and the submitter — around a test's RPC client and
 * recorder, for tests that drive transactions against a real node without a whole run.
 *
 * @example
 * const { submitter, tracker } = createTestPipeline({ rpc, recorder: createMemoryRecorder().recorder, chainId: 31337 })
 * await tracker.start()
 */
export function createTestPipeline(parameters: {
  rpc: RpcClient
  recorder: RunRecorder
  chainId: number
  runId?: string
  gas?: Omit<GasManagerParameters, "eip1559">
  tracker?: Omit<ReceiptTrackerOptions, "rpc" | "recorder" | "nonces" | "gas">
  submitter?: Omit<
    Parameters<typeof createSubmitter>[0],
    "chainId" | "runId" | "rpc" | "nonces" | "gas" | "recorder" | "tracker"
  >
}) {
  const { rpc, recorder, chainId } = parameters
  const nonces = createNonceManager({
    fetchPendingNonce: async (lane) =>
      (await rpc.request<string>("eth_getTransactionCount", [lane.address, "pending"])).map(BigInt),
  })
  const gas = createGasManager({ eip1559: true, ...parameters.gas })
  const tracker = createReceiptTracker({ rpc, recorder, nonces, gas, ...parameters.tracker })
  const submitter = createSubmitter({
    chainId,
    runId: parameters.runId ?? "test",
    rpc,
    nonces,
    gas,
    recorder,
    tracker,
    ...parameters.submitter,
  })
  return { nonces, gas, tracker, submitter }
}
