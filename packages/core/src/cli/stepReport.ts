/**
 * What `run` and `sequence` print per step: the task, the wallet, the transaction hashes (with an
 * explorer link when the chain declares an explorer), the contracts created and the outcome —
 * enough to look the step up on chain, which the aggregate summary alone never allowed.
 */
import type { BaseError } from "../errors/base.js"
import type { Result } from "../result.js"
import type { TaskContext } from "../tasks/context.js"
import type { TaskOutcome } from "../tasks/outcome.js"

/**
 * What a step did through its context: every accepted transaction, every created contract, and
 * how many of its awaited receipts reverted (a task may return Ok around a revert).
 *
 * @example
 * const seen: StepObservation = { transactions: ["0x12…"], contracts: [], reverted: 0 }
 */
export type StepObservation = { transactions: string[]; contracts: string[]; reverted: number }

/**
 * The context with its sends, receipts and contract records observed into `seen` (tasks need not
 * list their transactions in their outcome for the step rows to show them).
 *
 * @example
 * const seen = { transactions: [], contracts: [], reverted: 0 }
 * await task.run(observeContext(context, seen), task.parameters)
 */
export function observeContext(context: TaskContext, seen: StepObservation): TaskContext {
  const add = (list: string[], value: string) => {
    if (!list.includes(value)) list.push(value)
  }
  return new Proxy(context, {
    get(target, property, receiver) {
      if (property === "send")
        return async (...parameters: Parameters<TaskContext["send"]>) => {
          const result = await target.send(...parameters)
          if (result.isOk()) add(seen.transactions, result.value.hash)
          return result
        }
      if (property === "sendAndWait")
        return async (...parameters: Parameters<TaskContext["sendAndWait"]>) => {
          const result = await target.sendAndWait(...parameters)
          if (result.isOk()) {
            add(seen.transactions, result.value.hash)
            if (result.value.contractAddress !== null) add(seen.contracts, result.value.contractAddress)
            if (result.value.status === "reverted") seen.reverted += 1
          }
          return result
        }
      if (property === "recordContract")
        return (contract: Parameters<TaskContext["recordContract"]>[0]) => {
          add(seen.contracts, contract.address)
          target.recordContract(contract)
        }
      const value: unknown = Reflect.get(target, property, receiver)
      return typeof value === "function" ? value.bind(target) : value
    },
  })
}

/**
 * One executed step of `run` / `sequence`.
 *
 * @example
 * const step: StepRecord = { step: 1, task: "deploy_counter", wallet: "0xAb…", transactions: ["0x12…"], contracts: ["0xC0…"], outcome: "ok" }
 */
export type StepRecord = {
  step: number
  task: string
  wallet: string
  transactions: string[]
  contracts: string[]
  /** "ok", "expected failure", or the error code of the failure. */
  outcome: string
  /** The failure's one-line message. */
  message?: string
}

/**
 * Collects the steps as they finish.
 *
 * @example
 * const steps = createStepRecorder()
 * steps.record("deploy_counter", wallet, result)
 * steps.list() // [{ step: 1, task: "deploy_counter", … }]
 */
export function createStepRecorder() {
  const steps: StepRecord[] = []
  return {
    record(
      task: string,
      wallet: string,
      result: Result<TaskOutcome, BaseError>,
      seen: StepObservation = { transactions: [], contracts: [], reverted: 0 },
    ) {
      const transactions = [...seen.transactions]
      const contracts = [...seen.contracts]
      if (result.isOk()) {
        for (const transaction of result.value.transactions)
          if (!transactions.includes(transaction.hash)) transactions.push(transaction.hash)
        for (const contract of result.value.createdContracts)
          if (!contracts.includes(contract.address)) contracts.push(contract.address)
      }
      const base = { step: steps.length + 1, task, wallet, transactions, contracts }
      if (result.isErr()) {
        steps.push({ ...base, outcome: result.error.code, message: result.error.shortMessage })
        return
      }
      const outcome = result.value.expectedFailure ? "expected failure" : "ok"
      // A revert the task tolerated is still shown: "ok" alone hid it.
      steps.push({
        ...base,
        outcome: seen.reverted === 0 ? outcome : `${outcome}, ${seen.reverted} reverted`,
      })
    },
    list(): readonly StepRecord[] {
      return steps
    },
  }
}

/**
 * The steps as text: one line per step (number, task, outcome, wallet), then one line per
 * transaction (with its explorer link) and per created contract. Lines stay under 100 columns
 * except for links, which must stay whole to be clickable.
 *
 * @example
 * io.stdout.write(renderSteps(steps.list(), chain.explorerUrl))
 */
export function renderSteps(steps: readonly StepRecord[], explorerUrl: string | undefined): string {
  if (steps.length === 0) return ""
  const lines = ["Steps:"]
  const base = explorerUrl?.replace(/\/+$/, "")
  for (const step of steps) {
    lines.push(`  ${step.step}. ${step.task}  ${step.outcome}  wallet ${step.wallet}`)
    if (step.message !== undefined) lines.push(`     ${step.message}`)
    for (const hash of step.transactions)
      lines.push(`     tx ${hash}${base === undefined ? "" : `\n        ${base}/tx/${hash}`}`)
    for (const address of step.contracts)
      lines.push(
        `     contract ${address}${base === undefined ? "" : `\n        ${base}/address/${address}`}`,
      )
  }
  return `${lines.join("\n")}\n`
}
