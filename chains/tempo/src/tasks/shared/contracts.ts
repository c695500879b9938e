import { type BaseError, Ok, type Result, type SentTransaction, type TaskContext } from "@testnet/core"
import { taskFailure } from "./failure.js"
import { tempoGasLimits } from "./gasLimits.js"

/**
 * A contract deployed by a task (and recorded), or found in the database.
 *
 * @example
 * const { address, deployment } = found.value
 */
export type DeployedContract = {
  readonly address: string
  /** The deploy transaction when this call deployed it; undefined when an earlier one was reused. */
  readonly deployment: SentTransaction | undefined
}

/**
 * Deploys `bytecode` (init code) with a plain CREATE, waits for the receipt and records the
 * contract under `kind` so later tasks and later runs can use it.
 *
 * @example
 * const counter = await deployContract(context, { task: "deploy_counter", kind: "counter", bytecode: Counter.bytecode })
 */
export async function deployContract(
  context: TaskContext,
  parameters: { task: string; kind: string; bytecode: string; gasLimit?: bigint },
): Promise<Result<DeployedContract, BaseError>> {
  const sent = await context.send({
    to: null,
    data: parameters.bytecode,
    gasLimit: parameters.gasLimit ?? tempoGasLimits.deploy,
  })
  if (sent.isErr()) return sent
  const receipt = await context.waitForReceipt(sent.value.hash)
  if (receipt.isErr()) return receipt
  const address = receipt.value.contractAddress
  if (address === null) return taskFailure(parameters.task, "the deploy receipt has no contract address")
  context.recordContract({ kind: parameters.kind, address, transactionHash: sent.value.hash })
  return Ok({ address, deployment: sent.value })
}

/**
 * A contract of `kind` on this chain, deployed by any wallet in this or an earlier run (picked at
 * random among the most recent), or deployed now when there is none yet. Contracts recorded whose
 * code is gone (e.g. a devnet restarted over an old database) are skipped.
 *
 * @example
 * const writer = await findOrDeployContract(context, { task: "storage_write", kind: "storage_writer", bytecode: StorageWriter.bytecode })
 * if (writer.isErr()) return writer
 */
export async function findOrDeployContract(
  context: TaskContext,
  parameters: { task: string; kind: string; bytecode: string; gasLimit?: bigint },
): Promise<Result<DeployedContract, BaseError>> {
  const known = await context.database.contractsByKind({ kind: parameters.kind, limit: 20 })
  if (known.isErr()) return known
  if (known.value.length > 0) {
    const candidate = context.random.pick(known.value)
    const code = await context.rpc.request<string>("eth_getCode", [candidate.address, "latest"])
    if (code.isErr()) return code
    if (code.value !== "0x") return Ok({ address: candidate.address, deployment: undefined })
  }
  return deployContract(context, parameters)
}
