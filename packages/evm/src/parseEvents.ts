import type { Result as AbiResult, Interface } from "ethers"

/** topic0 of each (interface, event name), hashed once: ethers hashes event signatures per lookup. */
const topics = new WeakMap<Interface, Map<string, string | null>>()

function topicOf(contract: Interface, eventName: string): string | null {
  let byName = topics.get(contract)
  if (byName === undefined) {
    byName = new Map()
    topics.set(contract, byName)
  }
  let topic = byName.get(eventName)
  if (topic === undefined) {
    try {
      topic = contract.getEvent(eventName)?.topicHash ?? null
    } catch {
      topic = null // ambiguous name: every log is parsed, as before
    }
    byName.set(eventName, topic)
  }
  return topic
}

/**
 * The logs of `receipt` that `contract` can parse and that are named `eventName`, decoded (other
 * logs skipped).
 *
 * @example
 * const [incremented] = parseEvents(contractInterfaces.Counter, receipt, "Incremented")
 * const value = incremented?.args.newNumber
 */
export function parseEvents(
  contract: Interface,
  receipt: { readonly logs: readonly { topics: readonly string[]; data: string }[] },
  eventName: string,
): { readonly args: AbiResult }[] {
  const topic = topicOf(contract, eventName)
  const events: { readonly args: AbiResult }[] = []
  for (const log of receipt.logs) {
    // A log with another topic0 cannot parse as this event: skipped without decoding.
    if (topic !== null && log.topics[0]?.toLowerCase() !== topic) continue
    let parsed: ReturnType<Interface["parseLog"]>
    try {
      parsed = contract.parseLog({ topics: [...log.topics], data: log.data })
    } catch {
      continue
    }
    if (parsed !== null && parsed.name === eventName) events.push({ args: parsed.args })
  }
  return events
}
