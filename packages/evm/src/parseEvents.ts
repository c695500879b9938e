import type { Result as AbiResult, Interface } from "ethers"

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
  const events: { readonly args: AbiResult }[] = []
  for (const log of receipt.logs) {
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
