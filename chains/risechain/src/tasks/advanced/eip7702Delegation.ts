import { Counter, contractInterfaces } from "@testnet/contracts"
import { defineTask, findOrDeployContract, sendAndConfirm, succeeded, taskFailure } from "@testnet/core"
import { dynamicFees, parseEvents } from "@testnet/evm"
import { concat } from "ethers"
import { createEphemeralAccount } from "../shared/ephemeralAccount.js"
import { riseGasLimits } from "../shared/gasLimits.js"
import { signedRequest } from "../shared/rawTransaction.js"

/** Intrinsic 21k + 25k per authorization + the delegated increment (a fresh slot). */
const delegationGasLimit = 200_000n

/**
 * EIP-7702: the wallet sends a type-4 transaction carrying an authorization signed by a fresh
 * task-local account that delegates that account's code to a recorded Counter, and in the same
 * transaction calls `increment()` on the account itself — Counter code running on the account's
 * own storage. Checks the delegation designator (0xef0100 ‖ counter) and the `Incremented` event
 * emitted by the account. (The wallet does not authorize itself: that would consume a second nonce
 * the nonce manager does not know about.)
 *
 * @example
 * risechain.tasks.find((task) => task.name === "eip7702_delegation")
 */
export const eip7702Delegation = defineTask({
  name: "eip7702_delegation",
  weight: 1,
  description: "Delegates a fresh account to a Counter with EIP-7702 (type 4) and increments through it.",
  async run(context) {
    const counter = await findOrDeployContract(context, {
      kind: "counter",
      initCode: Counter.bytecode,
      gasLimit: riseGasLimits.deploySmall,
    })
    if (counter.isErr()) return counter
    const authority = createEphemeralAccount()
    const authorization = authority.authorizeSync({
      address: counter.value.address,
      nonce: 0n,
      chainId: BigInt(context.chainId),
    })
    const done = await sendAndConfirm(
      context,
      signedRequest(context, authority.address, (fees) => ({
        type: 4,
        to: authority.address,
        data: contractInterfaces.Counter.encodeFunctionData("increment"),
        gasLimit: delegationGasLimit,
        ...dynamicFees(fees),
        authorizationList: [authorization],
      })),
    )
    if (done.isErr()) return done
    const code = await context.rpc.request<string>("eth_getCode", [authority.address, "latest"], {
      signal: context.signal,
    })
    if (code.isErr()) return code
    const designator = concat(["0xef0100", counter.value.address]).toLowerCase()
    if (code.value.toLowerCase() !== designator)
      return taskFailure(context, `code of ${authority.address} is ${code.value}, expected ${designator}`)
    const [event] = parseEvents(contractInterfaces.Counter, done.value.receipt, "Incremented")
    const emitter = done.value.receipt.logs[0]?.address.toLowerCase()
    if (event === undefined || emitter !== authority.address.toLowerCase())
      return taskFailure(context, "the delegated account emitted no Incremented event")
    return succeeded(
      [counter.value.deployment, done.value.sent],
      [`${authority.address} delegated to ${counter.value.address}`],
    )
  },
})
