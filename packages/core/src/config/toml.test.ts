import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { ConfigParseError } from "../errors/config.js"
import { parseConfig } from "./parse.js"
import { configToToml, parseConfigToml } from "./toml.js"

const word = fc.constantFrom("abandon", "ability", "able", "about", "above", "absent", "zoo")
const safeText = fc.string({ minLength: 1, maxLength: 24 })
const hostname = fc.oneof(
  fc.stringMatching(/^[a-z0-9]{1,10}(\.[a-z0-9-]{1,10}){0,2}\.[a-z]{2,6}$/),
  fc.ipV4(),
)
const port = fc.integer({ min: 1, max: 65_535 })
const credentials = fc.option(
  fc.tuple(fc.stringMatching(/^[A-Za-z0-9]{1,8}$/), fc.stringMatching(/^[A-Za-z0-9]{1,12}$/)),
  { nil: undefined },
)
const urlWith = (schemes: readonly string[]) =>
  fc
    .tuple(
      fc.constantFrom(...schemes),
      credentials,
      hostname,
      port,
      fc.stringMatching(/^(\/[a-z0-9_-]{1,8}){0,2}$/),
    )
    .map(([scheme, login, host, number, path]) => {
      const userInfo = login === undefined ? "" : `${login[0]}:${login[1]}@`
      return `${scheme}://${userInfo}${host}:${number}${path}`
    })
// Task names exclude the keys TOML loading rejects (fast-check likes to generate them).
const taskName = fc
  .stringMatching(/^[A-Za-z0-9_.-]{1,16}$/)
  .filter((name) => !["__proto__", "constructor", "prototype"].includes(name))
// `+ 0` turns -0 into 0: TOML keeps the sign of zero, toEqual would then see a difference.
const double = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((value) => value + 0)
const positive = (maximum: number) => double(0.001, maximum)
const amount = fc.oneof(fc.bigInt({ min: 0n, max: 2n ** 96n }), fc.integer({ min: 0, max: 1_000_000 }))

const walletSource = fc.oneof(
  fc.record({ kind: fc.constant("keystore" as const), path: safeText }),
  fc.record({ kind: fc.constant("keys-file" as const), path: safeText }),
  fc.record(
    {
      kind: fc.constant("mnemonic" as const),
      phrase: fc.array(word, { minLength: 12, maxLength: 12 }).map((words) => words.join(" ")),
      path: fc
        .array(fc.nat({ max: 100 }), { maxLength: 5 })
        .map((steps) => `m${steps.map((step) => `/${step}'`).join("")}`),
      count: fc.integer({ min: 1, max: 10_000 }),
    },
    { requiredKeys: ["kind", "count"] },
  ),
  fc.record({
    kind: fc.constant("environment" as const),
    variable: fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,20}$/),
  }),
)

/** Any valid config input, in the TypeScript form. */
const validInput = fc
  .record(
    {
      rpcUrls: fc.array(urlWith(["http", "https", "ws", "wss"]), { maxLength: 3 }),
      chainId: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
      targetTps: positive(1_000_000),
      workers: fc.integer({ min: 1, max: 100_000 }),
      wallets: fc.record({
        count: fc.integer({ min: 1, max: 100_000 }),
        sources: fc.array(walletSource, { maxLength: 3 }),
      }),
      delays: fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const),
      taskWeights: fc
        .dictionary(taskName, fc.oneof(fc.nat({ max: 100 }), positive(100)), { maxKeys: 4 })
        .filter(
          (weights) =>
            !Object.keys(weights).some((name) => ["__proto__", "constructor", "prototype"].includes(name)),
        )
        .map((weights) => (Object.keys(weights).length === 0 ? weights : { ...weights, always: 1 })),
      tasks: fc
        .uniqueArray(taskName, { minLength: 1, maxLength: 4 })
        .filter((names) => !names.includes("__proto__")),
      taskTimeoutMs: fc.integer({ min: 1, max: 10_000_000 }),
      leaseCooldownMs: fc.nat(),
      proxies: fc.record(
        {
          urls: fc.array(urlWith(["http", "https", "socks4", "socks5"]), { maxLength: 3 }),
          file: safeText,
          mode: fc.constantFrom("sticky" as const, "rotate" as const),
          directFallback: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
      database: fc.oneof(
        fc.constantFrom(":memory:", "./data/{chain}.db", "postgres://u:p@127.0.0.1:5432/db"),
        safeText,
      ),
      durationSeconds: positive(1_000_000),
      count: fc.integer({ min: 1, max: 1_000_000_000 }),
      seed: fc.nat({ max: Number.MAX_SAFE_INTEGER }),
      funder: fc.record(
        {
          key: fc.stringMatching(/^0x[0-9a-fA-F]{64}$/),
          address: fc.stringMatching(/^0x[0-9a-f]{40}$/),
        },
        { requiredKeys: [] },
      ),
      logLevel: fc.constantFrom("trace", "debug", "info", "warn", "error", "silent" as const),
      blockTimeSeconds: positive(3600),
      gas: fc
        .record(
          {
            priorityFeeMultiplier: double(0, 100),
            baseFeeMultiplier: double(1, 100),
            fees: fc.tuple(amount, amount),
            replacementBumpPercent: fc.integer({ min: 1, max: 1000 }),
          },
          { requiredKeys: [] },
        )
        .map(({ fees, ...gas }) => {
          if (fees === undefined) return gas
          const [low, high] = [BigInt(fees[0]), BigInt(fees[1])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
          return { ...gas, minPriorityFee: low, maxFeePerGas: high }
        }),
    },
    { requiredKeys: [] },
  )
  .map(({ delays, ...rest }) =>
    delays === undefined ? rest : { ...rest, minDelayMs: delays[0], maxDelayMs: delays[1] },
  )

describe("configToToml", () => {
  it("round-trips every valid config: config → TOML → config is unchanged", () => {
    fc.assert(
      fc.property(validInput, (input) => {
        const parsed = parseConfig(input)
        if (parsed.isErr()) throw parsed.error
        const text = configToToml(parsed.value)
        const again = parseConfigToml(text)
        if (again.isErr()) throw again.error
        expect(again.value).toEqual(parsed.value)
      }),
      { numRuns: 200 },
    )
  })

  it("writes snake_case keys and large amounts as strings", () => {
    const config = parseConfig({
      gas: { maxFeePerGas: 2n ** 70n },
      taskWeights: { transferWithMemo: 1 },
    }).unwrap()
    const text = configToToml(config)
    expect(text).toContain("target_tps = 10")
    expect(text).toContain("[gas]")
    expect(text).toContain(`max_fee_per_gas = "${2n ** 70n}"`)
    expect(text).toContain("transferWithMemo = 1") // task names are data, not renamed
    expect(text).not.toContain("targetTps")
  })

  it("reports TOML syntax errors with the line and column", () => {
    const result = parseConfigToml("workers = 1\n[gas\n", { file: "x.toml" })
    expect(result.isErr() && result.error).toBeInstanceOf(ConfigParseError)
    expect(result.isErr() && result.error.message).toMatch(
      /^Config file x\.toml is not valid TOML at line 2, column \d+: /,
    )
  })
})
