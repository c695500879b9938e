import {
  CalldataSink,
  Counter,
  EventEmitter,
  Factory,
  GasBurner,
  MemeToken,
  MultiSend,
  MultiToken,
  Reverter,
  SelfDestructor,
  SimpleNft,
  StorageWriter,
} from "@testnet/contracts"
import { Interface } from "ethers"

/**
 * One ethers `Interface` per workload contract (encode/decode only; no provider on the hot path).
 *
 * @example
 * const data = contractInterfaces.counter.encodeFunctionData("increment")
 */
export const contractInterfaces = Object.freeze({
  calldataSink: new Interface(CalldataSink.abi),
  counter: new Interface(Counter.abi),
  eventEmitter: new Interface(EventEmitter.abi),
  factory: new Interface(Factory.abi),
  gasBurner: new Interface(GasBurner.abi),
  memeToken: new Interface(MemeToken.abi),
  multiSend: new Interface(MultiSend.abi),
  multiToken: new Interface(MultiToken.abi),
  reverter: new Interface(Reverter.abi),
  selfDestructor: new Interface(SelfDestructor.abi),
  simpleNft: new Interface(SimpleNft.abi),
  storageWriter: new Interface(StorageWriter.abi),
})

/**
 * The logs of `receipt` that `contract` can parse, by event name (others skipped).
 *
 * @example
 * const [incremented] = parseEvents(contractInterfaces.counter, receipt, "Incremented")
 */
export function parseEvents(
  contract: Interface,
  receipt: { readonly logs: readonly { address: string; topics: readonly string[]; data: string }[] },
  eventName: string,
) {
  return receipt.logs
    .map((log) => {
      try {
        return contract.parseLog({ topics: [...log.topics], data: log.data })
      } catch {
        return null
      }
    })
    .filter((parsed) => parsed !== null && parsed.name === eventName)
    .map((parsed) => ({ args: parsed?.args }))
}
