import { type BaseError, Ok, type Result, type SentTransaction, type TaskContext } from "@testnet/core"
import { taskFailure } from "./failure.js"
import { riseGasLimits } from "./gasLimits.js"

/**
 * A contract deployed now (and recorded), or found in the database.
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
 * Deploys `initCode` with a plain CREATE, waits for the receipt and records the contract under
 * `kind` so later tasks and later runs can use it.
 *
 * @example
 * const counter = await deployContract(context, { task: "deploy_counter", kind: "counter", initCode: Counter.bytecode })
 */
export async function deployContract(
  context: TaskContext,
  parameters: {
    task: string
    kind: string
    initCode: string
    gasLimit?: bigint
    value?: bigint
    metadata?: Record<string, unknown>
  },
): Promise<Result<DeployedContract, BaseError>> {
  const sent = await context.send({
    to: null,
    data: parameters.initCode,
    value: parameters.value ?? 0n,
    gasLimit: parameters.gasLimit ?? riseGasLimits.deploySmall,
  })
  if (sent.isErr()) return sent
  const receipt = await context.waitForReceipt(sent.value.hash)
  if (receipt.isErr()) return receipt
  const address = receipt.value.contractAddress
  if (address === null) return taskFailure(parameters.task, "the deploy receipt has no contract address")
  context.recordContract({
    kind: parameters.kind,
    address,
    transactionHash: sent.value.hash,
    ...(parameters.metadata === undefined ? {} : { metadata: parameters.metadata }),
  })
  return Ok({ address, deployment: sent.value })
}

/**
 * A contract of `kind` on this chain, deployed by any wallet in this or an earlier run (picked at
 * random among the most recent), or deployed now when there is none yet. Records whose code is
 * gone (a devnet restarted over an old database) are skipped.
 *
 * @example
 * const writer = await findOrDeployContract(context, { task: "storage_write", kind: "storage_writer", initCode: StorageWriter.bytecode })
 */
export async function findOrDeployContract(
  context: TaskContext,
  parameters: { task: string; kind: string; initCode: string; gasLimit?: bigint },
): Promise<Result<DeployedContract, BaseError>> {
  const known = await context.database.contractsByKind({ kind: parameters.kind, limit: 20 })
  if (known.isErr()) return known
  if (known.value.length > 0) {
    const candidate = context.random.pick(known.value)
    const live = await hasCode(context, candidate.address)
    if (live.isErr()) return live
    if (live.value) return Ok({ address: candidate.address, deployment: undefined })
  }
  return deployContract(context, parameters)
}

/**
 * Whether `address` holds code at the latest block.
 *
 * @example
 * const present = await hasCode(context, riseAddresses.multicall3)
 */
export async function hasCode(context: TaskContext, address: string): Promise<Result<boolean, BaseError>> {
  const code = await context.rpc.request<string>("eth_getCode", [address, "latest"], {
    signal: context.signal,
  })
  return code.map((value) => value !== "0x" && value !== "")
}
