import type { BaseError } from "../../errors/base.js"
import { Ok, type Result } from "../../result.js"
import type { TaskContext } from "../context.js"
import type { SentTransaction } from "../transactionTypes.js"
import { hasCodeInRun, rememberCode } from "./hasCode.js"
import { taskFailure } from "./taskFailure.js"

/**
 * A contract deployed by a task now (and recorded), or found in the database.
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
 * What to deploy: `initCode` (creation bytecode, constructor arguments appended) recorded under
 * `kind`. `gasLimit` is the chain's fixed limit for the shape (chains price deploys very
 * differently, so there is no default).
 *
 * @example
 * const request: DeployRequest = { kind: "counter", initCode: Counter.bytecode, gasLimit: 600_000n }
 */
export type DeployRequest = {
  readonly kind: string
  readonly initCode: string
  readonly gasLimit: bigint
  readonly value?: bigint
  readonly metadata?: Record<string, unknown>
}

type DeployContext = Pick<TaskContext, "send" | "waitForReceipt" | "recordContract" | "task">

/**
 * Deploys `initCode` with a plain CREATE, waits for the receipt and records the contract under
 * `kind` so later tasks and later runs can use it.
 *
 * @example
 * const counter = await deployContract(context, { kind: "counter", initCode: Counter.bytecode, gasLimit: 600_000n })
 * if (counter.isErr()) return counter
 */
export async function deployContract(
  context: DeployContext,
  request: DeployRequest,
): Promise<Result<DeployedContract, BaseError>> {
  const sent = await context.send({
    to: null,
    data: request.initCode,
    ...(request.value === undefined ? {} : { value: request.value }),
    gasLimit: request.gasLimit,
  })
  if (sent.isErr()) return sent
  const receipt = await context.waitForReceipt(sent.value.hash)
  if (receipt.isErr()) return receipt
  const address = receipt.value.contractAddress
  if (address === null) return taskFailure(context, "the deploy receipt has no contract address")
  context.recordContract({
    kind: request.kind,
    address,
    transactionHash: sent.value.hash,
    ...(request.metadata === undefined ? {} : { metadata: request.metadata }),
  })
  return Ok({ address, deployment: sent.value })
}

/**
 * A contract of `kind` on this chain deployed by any wallet in this or an earlier run (picked at
 * random among the 20 most recent), or deployed now when there is none yet. Records whose code is
 * gone (a devnet restarted over an old database) are skipped.
 *
 * @example
 * const writer = await findOrDeployContract(context, { kind: "storage_writer", initCode: StorageWriter.bytecode, gasLimit: 600_000n })
 * if (writer.isErr()) return writer
 */
export async function findOrDeployContract(
  context: DeployContext & Pick<TaskContext, "database" | "random" | "rpc" | "signal" | "runId" | "chainId">,
  request: DeployRequest,
): Promise<Result<DeployedContract, BaseError>> {
  const known = await context.database.contractsByKind({ kind: request.kind, limit: 20 })
  if (known.isErr()) return known
  if (known.value.length > 0) {
    const candidate = context.random.pick(known.value)
    // This run recorded it after confirming its code (a receipt or a read): no need to ask again.
    if (candidate.runId === context.runId) return Ok({ address: candidate.address, deployment: undefined })
    const live = await hasCodeInRun(context, candidate.address)
    if (live.isErr()) return live
    if (live.value) return Ok({ address: candidate.address, deployment: undefined })
  }
  const deployed = await deployContract(context, request)
  if (deployed.isOk()) rememberCode(context, deployed.value.address)
  return deployed
}
