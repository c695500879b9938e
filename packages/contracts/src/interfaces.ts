import { Interface } from "ethers"
import { CalldataSink } from "./artifacts/CalldataSink.js"
import { Counter } from "./artifacts/Counter.js"
import { EventEmitter } from "./artifacts/EventEmitter.js"
import { Factory } from "./artifacts/Factory.js"
import { GasBurner } from "./artifacts/GasBurner.js"
import { MemeToken } from "./artifacts/MemeToken.js"
import { MultiSend } from "./artifacts/MultiSend.js"
import { MultiToken } from "./artifacts/MultiToken.js"
import { Reverter } from "./artifacts/Reverter.js"
import { SelfDestructor } from "./artifacts/SelfDestructor.js"
import { SimpleNft } from "./artifacts/SimpleNft.js"
import { StorageWriter } from "./artifacts/StorageWriter.js"

/**
 * One ethers `Interface` per workload contract, built once (encode calldata, decode results and
 * logs; no provider involved), so tasks do not each call `new Interface(artifact.abi)`.
 *
 * @example
 * import { contractInterfaces } from "@testnet/contracts"
 * const data = contractInterfaces.Counter.encodeFunctionData("increment")
 */
export const contractInterfaces = Object.freeze({
  CalldataSink: new Interface(CalldataSink.abi),
  Counter: new Interface(Counter.abi),
  EventEmitter: new Interface(EventEmitter.abi),
  Factory: new Interface(Factory.abi),
  GasBurner: new Interface(GasBurner.abi),
  MemeToken: new Interface(MemeToken.abi),
  MultiSend: new Interface(MultiSend.abi),
  MultiToken: new Interface(MultiToken.abi),
  Reverter: new Interface(Reverter.abi),
  SelfDestructor: new Interface(SelfDestructor.abi),
  SimpleNft: new Interface(SimpleNft.abi),
  StorageWriter: new Interface(StorageWriter.abi),
})
