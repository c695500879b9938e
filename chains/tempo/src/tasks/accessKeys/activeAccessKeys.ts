import type { TempoSigner } from "../../transaction/signers.js"

/** An access key a wallet authorized during this run, and what it may spend. */
export type ActiveAccessKey = {
  readonly accessKey: TempoSigner
  readonly token: string
  readonly limit: bigint
  /**
   * A lower bound of what the key may still spend: its limit less every payment and that payment's
   * worst-case fee (only `access_key_payment` spends with it); absent before its first payment.
   */
  readonly remaining?: bigint
}

// In memory, per run and wallet: a wallet authorizes an access key once and then pays with it, as
// a passkey wallet does; a key that failed or ran out is replaced. Never persisted (the secret
// lives only in the signer's closure).
const activeKeys = new Map<string, ActiveAccessKey>()

function keyOf(runId: string, account: string): string {
  return `${runId}:${account.toLowerCase()}`
}

/**
 * The access key `account` authorized earlier in run `runId`, if any.
 *
 * @example
 * const active = findActiveAccessKey(context.runId, context.address)
 */
export function findActiveAccessKey(runId: string, account: string): ActiveAccessKey | undefined {
  return activeKeys.get(keyOf(runId, account))
}

/**
 * Remembers (or, with `undefined`, forgets) the access key `account` pays with in run `runId`.
 *
 * @example
 * rememberActiveAccessKey(context.runId, context.address, { accessKey, token, limit })
 */
export function rememberActiveAccessKey(
  runId: string,
  account: string,
  active: ActiveAccessKey | undefined,
): void {
  if (active === undefined) activeKeys.delete(keyOf(runId, account))
  else activeKeys.set(keyOf(runId, account), active)
}
