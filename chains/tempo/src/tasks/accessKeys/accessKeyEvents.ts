import { accountKeychainAddress, accountKeychainInterface } from "../../contracts/accountKeychain.js"

type Log = { readonly address: string; readonly topics: readonly string[]; readonly data: string }
type KeychainEventName = "KeyAuthorized" | "KeyRevoked" | "AccessKeySpend"

const keychainAddress = accountKeychainAddress.toLowerCase()
/** topic0 and topic count of each event, computed once (ethers hashes the signature on every lookup). */
const eventShapes = new Map(
  (["KeyAuthorized", "KeyRevoked", "AccessKeySpend"] as const).map((name) => {
    const event = accountKeychainInterface.getEvent(name)
    if (event === null) throw new Error(`no event ${name} in the AccountKeychain ABI`)
    const indexed = event.inputs.filter((input) => input.indexed).length
    return [name, { topic: event.topicHash, topics: indexed + 1 }]
  }),
)

function isKeychainEvent(log: Log, name: KeychainEventName): boolean {
  const shape = eventShapes.get(name)
  return (
    shape !== undefined &&
    log.address.toLowerCase() === keychainAddress &&
    log.topics.length === shape.topics &&
    log.topics[0]?.toLowerCase() === shape.topic
  )
}

/**
 * The AccountKeychain events of `name` in a receipt's logs, parsed (`args` by name).
 *
 * @example
 * const authorized = keychainEvents(receipt.logs, "KeyAuthorized")
 */
export function keychainEvents(logs: readonly Log[], name: KeychainEventName): Record<string, unknown>[] {
  return logs
    .filter((log) => isKeychainEvent(log, name))
    .map((log) => {
      const parsed = accountKeychainInterface.parseLog({ topics: [...log.topics], data: log.data })
      const args: Record<string, unknown> = {}
      parsed?.fragment.inputs.forEach((input, index) => {
        args[input.name] = parsed.args[index]
      })
      return args
    })
}

/**
 * Whether `logs` hold the event `name` for `account` and access key `keyId`.
 *
 * @example
 * if (!hasKeychainEvent(receipt.logs, "KeyAuthorized", context.address, key.address)) return taskFailure(context, "no KeyAuthorized")
 */
export function hasKeychainEvent(
  logs: readonly Log[],
  name: KeychainEventName,
  account: string,
  keyId: string,
): boolean {
  // `account` and `publicKey` are the first two indexed arguments of all three events: compared
  // as topics (the address left-padded to 32 bytes) without decoding the log.
  const accountTopic = `0x${"0".repeat(24)}${account.slice(2).toLowerCase()}`
  const keyIdTopic = `0x${"0".repeat(24)}${keyId.slice(2).toLowerCase()}`
  return logs.some(
    (log) =>
      isKeychainEvent(log, name) &&
      log.topics[1]?.toLowerCase() === accountTopic &&
      log.topics[2]?.toLowerCase() === keyIdTopic,
  )
}
