import { contractInterfaces } from "@testnet/contracts"
import type { Interface } from "ethers"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { parseEvents } from "./parseEvents.js"

type Log = { topics: readonly string[]; data: string }

/** What parseEvents did before the topic filter: parse every log, keep the named ones. */
function parseEveryLog(contract: Interface, logs: readonly Log[], eventName: string): unknown[] {
  const kept: unknown[] = []
  for (const log of logs) {
    try {
      const parsed = contract.parseLog({ topics: [...log.topics], data: log.data })
      if (parsed !== null && parsed.name === eventName) kept.push(parsed.args.toArray())
    } catch {}
  }
  return kept
}

const counter = contractInterfaces.Counter
const emitter = contractInterfaces.EventEmitter

function argumentValue(type: string): fc.Arbitrary<unknown> {
  const bytes = (length: number) =>
    fc
      .uint8Array({ minLength: length, maxLength: length })
      .map((value) => `0x${Buffer.from(value).toString("hex")}`)
  if (type === "address") return bytes(20)
  if (type === "bytes32") return bytes(32)
  if (type === "bytes")
    return fc.uint8Array({ maxLength: 70 }).map((value) => `0x${Buffer.from(value).toString("hex")}`)
  return fc.bigInt({ min: 0n, max: (1n << 256n) - 1n })
}

function eventLog(contract: Interface, name: string): fc.Arbitrary<Log> {
  const fragment = contract.getEvent(name)
  if (fragment === null) throw new Error(`no event ${name}`)
  return fc
    .tuple(...fragment.inputs.map((input) => argumentValue(input.type)))
    .map((values) => contract.encodeEventLog(fragment, values) as Log)
}

const counterLog = fc.oneof(eventLog(counter, "Incremented"), eventLog(counter, "NumberSet"))
const pingLog = fc.oneof(eventLog(emitter, "Ping"), eventLog(emitter, "Payload"))
const foreignLog = fc
  .tuple(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ maxLength: 64 }))
  .map(([topic, data]) => ({
    topics: [`0x${Buffer.from(topic).toString("hex")}`],
    data: `0x${Buffer.from(data).toString("hex")}`,
  }))
const brokenLog = counterLog.map((log) => ({ ...log, data: "0x12" }))

describe("parseEvents", () => {
  it("keeps exactly the logs that parse as the named event, as parsing every log did", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(counterLog, pingLog, foreignLog, brokenLog), { maxLength: 8 }),
        (logs) => {
          for (const [contract, name] of [
            [counter, "Incremented"],
            [emitter, "Ping"],
            [counter, "NoSuchEvent"],
          ] as const)
            expect(parseEvents(contract, { logs }, name).map((event) => event.args.toArray())).toEqual(
              parseEveryLog(contract, logs, name),
            )
        },
      ),
      { numRuns: 300 },
    )
  })
})
