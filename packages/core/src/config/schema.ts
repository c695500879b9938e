import { getAddress } from "ethers"
import * as z from "zod"
import { proxyProtocols } from "../proxy/proxyList.js"
import { parseWeiAmount } from "./amount.js"

// The zod schema of a complete config, in TypeScript (camelCase) names. Defaults are not here:
// they are a layer of their own (defaults.ts) so an error can tell which layer a value came from.
// Every constraint carries a reason written for people ("must be greater than 0").

const nonEmptyString = () => z.string().min(1, { error: "must not be empty" })

const wholeNumber = (minimum: number, maximum = Number.MAX_SAFE_INTEGER) =>
  z
    .number()
    .int({ error: "must be a whole number" })
    .min(minimum, { error: `must be at least ${minimum}` })
    .max(maximum, { error: `must be at most ${maximum}` })

const positiveNumber = () => z.number().gt(0, { error: "must be greater than 0" })

/** Longest run: 30 days (a longer duration is a typo such as 1e30, not a plan). */
const maxDurationSeconds = 30 * 24 * 3600

/** Most wallets one run can use: each is loaded, funded and polled. */
const maxWallets = 100_000

const urlWithProtocol = (protocols: readonly string[], description: string) =>
  z.string().refine(
    (text) => {
      try {
        const url = new URL(text)
        return protocols.includes(url.protocol) && url.hostname !== ""
      } catch {
        return false
      }
    },
    { error: `must be ${description}` },
  )

const rpcUrl = urlWithProtocol(["http:", "https:", "ws:", "wss:"], "an http, https, ws or wss URL")
// The same scheme list as the proxy parser, so a URL the config accepts is one the run can use.
const proxyUrl = urlWithProtocol(
  proxyProtocols.map((protocol) => `${protocol}:`),
  `an ${proxyProtocols.join(", ")} URL (credentials as user:password@host)`,
)

const taskName = z
  .string()
  .regex(/^[A-Za-z0-9_.-]+$/, { error: "must be a task name (letters, digits, _ . -)" })
  // TOML loading rejects these keys (prototype pollution), so a config using them could not round-trip.
  .refine((name) => !["__proto__", "constructor", "prototype"].includes(name), {
    error: "must not be __proto__, constructor or prototype",
  })

const amountReason = 'must be a whole amount of wei (a number, or a string such as "30 gwei")'

const weiAmount = z
  .union([z.bigint(), z.number(), z.string()], { error: amountReason })
  .transform((input, context) => {
    const amount = parseWeiAmount(input)
    if (amount === undefined) {
      context.addIssue({ code: "custom", message: amountReason })
      return z.NEVER
    }
    return amount
  })

const address = z.string().transform((text, context) => {
  try {
    return getAddress(text)
  } catch {
    context.addIssue({
      code: "custom",
      message: "must be a 0x-prefixed 20-byte address with a valid checksum",
    })
    return z.NEVER
  }
})

/**
 * Fields of each wallet source kind, by `kind`. The key lists also feed "did you mean" hints.
 *
 * @example
 * Object.keys(walletSourceShapes.mnemonic) // ["kind", "phrase", "path", "count"]
 */
export const walletSourceShapes = {
  keystore: { kind: z.literal("keystore"), path: nonEmptyString() },
  "keys-file": { kind: z.literal("keys-file"), path: nonEmptyString() },
  mnemonic: {
    kind: z.literal("mnemonic"),
    phrase: z
      .string()
      .refine((phrase) => [12, 15, 18, 21, 24].includes(phrase.trim().split(/\s+/).length), {
        error: "must be a BIP-39 phrase of 12, 15, 18, 21 or 24 words",
      })
      .exactOptional(),
    path: z
      .string()
      .regex(/^m(\/\d+'?)*$/, { error: "must be a derivation path such as m/44'/60'/0'/0" })
      .exactOptional(),
    count: wholeNumber(1, maxWallets),
  },
  environment: {
    kind: z.literal("environment"),
    variable: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: "must be an environment variable name" }),
  },
} as const

const walletSourceSchema = z.discriminatedUnion("kind", [
  z.strictObject(walletSourceShapes.keystore),
  z.strictObject(walletSourceShapes["keys-file"]),
  z.strictObject(walletSourceShapes.mnemonic),
  z.strictObject(walletSourceShapes.environment),
])

/**
 * Fields of the `wallets` table. The key lists also feed "did you mean" hints.
 *
 * @example
 * Object.keys(walletsShape) // ["count", "sources", "seed"]
 */
export const walletsShape = {
  count: wholeNumber(1, maxWallets),
  sources: z.array(walletSourceSchema),
  // The salt of derived worker wallets (used when no source is configured).
  seed: nonEmptyString().max(256, { error: "must be at most 256 characters" }).exactOptional(),
}

/**
 * Fields of the `rpc` table. The key lists also feed "did you mean" hints.
 *
 * @example
 * Object.keys(rpcShape) // ["maxOutageSeconds", "timeoutMs"]
 */
export const rpcShape = {
  // At least 5 s: shorter would end a run on one slow block; at most a day.
  maxOutageSeconds: positiveNumber()
    .min(5, { error: "must be at least 5" })
    .max(86_400, { error: "must be at most 86400 (one day)" }),
  timeoutMs: wholeNumber(100, 600_000),
}

/**
 * Fields of the `proxies` table. The key lists also feed "did you mean" hints.
 *
 * @example
 * Object.keys(proxiesShape) // ["urls", "file", "mode", "directFallback", "banSeconds"]
 */
export const proxiesShape = {
  urls: z.array(proxyUrl),
  file: nonEmptyString().exactOptional(),
  mode: z.enum(["sticky", "rotate"]),
  directFallback: z.boolean(),
  banSeconds: positiveNumber().max(86_400 * 7, { error: "must be at most 604800 (a week)" }),
}

/**
 * Fields of the `funder` table. The key lists also feed "did you mean" hints.
 *
 * @example
 * Object.keys(funderShape) // ["key", "address"]
 */
export const funderShape = {
  key: z
    .string()
    .regex(/^0x[0-9a-fA-F]{64}$/, { error: "must be a 0x-prefixed 32-byte hex private key" })
    .exactOptional(),
  address: address.exactOptional(),
}

/**
 * Fields of the `gas` table. The key lists also feed "did you mean" hints.
 *
 * @example
 * gasShape.replacementBumpPercent.safeParse(0).success // false
 */
export const gasShape = {
  priorityFeeMultiplier: z.number().min(0, { error: "must be at least 0" }),
  baseFeeMultiplier: z.number().min(1, { error: "must be at least 1" }),
  maxFeePerGas: weiAmount.exactOptional(),
  minPriorityFee: weiAmount.exactOptional(),
  replacementBumpPercent: wholeNumber(1, 1000),
}

/**
 * Fields of the top level. The key lists also feed "did you mean" hints.
 *
 * @example
 * rootShape.targetTps.safeParse(0).success // false
 */
export const rootShape = {
  rpcUrls: z.array(rpcUrl),
  rpc: z.strictObject(rpcShape),
  chainId: wholeNumber(1).exactOptional(),
  targetTps: positiveNumber().max(1_000_000, { error: "must be at most 1000000" }),
  workers: wholeNumber(1, 100_000),
  wallets: z.strictObject(walletsShape),
  minDelayMs: wholeNumber(0),
  maxDelayMs: wholeNumber(0),
  // A weight of 0 disables one task of the catalog; whether any task is left to run is only known
  // against the catalog, so the task registry (not the config) rejects an all-zero selection.
  taskWeights: z.record(taskName, z.number().min(0, { error: "must be at least 0" })),
  tasks: z
    .array(taskName)
    .min(1, { error: "must name at least one task (leave tasks out to run them all)" })
    .refine((names) => new Set(names).size === names.length, { error: "must not name a task twice" })
    .exactOptional(),
  taskTimeoutMs: wholeNumber(1, maxDurationSeconds * 1000),
  leaseCooldownMs: wholeNumber(0),
  proxies: z.strictObject(proxiesShape),
  database: nonEmptyString(),
  durationSeconds: positiveNumber()
    .max(maxDurationSeconds, { error: `must be at most ${maxDurationSeconds} (30 days)` })
    .exactOptional(),
  count: wholeNumber(1, 1_000_000_000).exactOptional(),
  seed: wholeNumber(0).exactOptional(),
  funder: z.strictObject(funderShape).exactOptional(),
  logLevel: z.enum(["trace", "debug", "info", "warn", "error", "silent"]),
  blockTimeSeconds: positiveNumber().max(3600, { error: "must be at most 3600" }),
  gas: z.strictObject(gasShape),
}

/**
 * The zod schema of a complete (defaults already applied) config. Strict: unknown keys are
 * rejected. Cross-field rules: `minDelayMs ≤ maxDelayMs`, `gas.minPriorityFee ≤ gas.maxFeePerGas`.
 *
 * @example
 * const parsed = configSchema.safeParse(mergedInput)
 */
export const configSchema = z.strictObject(rootShape).superRefine((config, context) => {
  if (config.minDelayMs > config.maxDelayMs) {
    context.addIssue({
      code: "custom",
      path: ["minDelayMs"],
      input: config.minDelayMs,
      message: `must not exceed the maximum delay (${config.maxDelayMs} ms)`,
    })
  }
  const { maxFeePerGas, minPriorityFee } = config.gas
  if (maxFeePerGas !== undefined && minPriorityFee !== undefined && minPriorityFee > maxFeePerGas) {
    context.addIssue({
      code: "custom",
      path: ["gas", "minPriorityFee"],
      input: minPriorityFee,
      message: `must not exceed the fee cap (${maxFeePerGas} wei)`,
    })
  }
})
