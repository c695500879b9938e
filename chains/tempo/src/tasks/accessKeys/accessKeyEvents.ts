import { getAddress } from "ethers"
import { accountKeychainAddress, accountKeychainInterface } from "../../contracts/accountKeychain.js"

type Log = { readonly address: string; readonly topics: readonly string[]; readonly data: string }

/**
 * The AccountKeychain events of `name` in a receipt's logs, parsed (`args` by name).
 *
 * @example
 * const authorized = keychainEvents(receipt.logs, "KeyAuthorized")
 */
export function keychainEvents(
  logs: readonly Log[],
  name: "KeyAuthorized" | "KeyRevoked" | "AccessKeySpend",
): Record<string, unknown>[] {
  const topic = accountKeychainInterface.getEvent(name)?.topicHash
  return logs
    .filter(
      (log) => getAddress(log.address) === getAddress(accountKeychainAddress) && log.topics[0] === topic,
    )
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
  name: "KeyAuthorized" | "KeyRevoked" | "AccessKeySpend",
  account: string,
  keyId: string,
): boolean {
  return keychainEvents(logs, name).some(
    (event) =>
      getAddress(String(event.account)) === getAddress(account) &&
      getAddress(String(event.publicKey)) === getAddress(keyId),
  )
}
