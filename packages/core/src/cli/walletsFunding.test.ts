import { mkdtemp, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { hexlify, randomBytes } from "ethers"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { getDevAccounts } from "../devnet/devAccounts.js"
import { type Devnet, startDevnet } from "../devnet/startDevnet.js"
import { runTestCli } from "../testing/cli/cliHarness.js"
import { testChain } from "../testing/runner/testChain.js"
import { createWallet } from "../wallet/wallet.js"

// `wallets fund` / `wallets reclaim` against a real anvil, funder = dev account 0 (from anvil's
// public mnemonic), wallets from a keys file named in a config file.

const ether = 10n ** 18n
let directory = ""
let configFile = ""
let devnet: Devnet | undefined
const keys = Array.from({ length: 4 }, () => hexlify(randomBytes(32)))
const addresses = keys.map((key) => createWallet(key).unwrap().address)
const [funder] = getDevAccounts(1)
const environment = { TESTNET_FUNDER_KEY: funder?.privateKey }

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "cli-funding-"))
  const keysFile = join(directory, "keys.txt")
  await writeFile(keysFile, `${keys.join("\n")}\n`)
  configFile = join(directory, "testnet.toml")
  await writeFile(configFile, `[[wallets.sources]]\nkind = "keys-file"\npath = ${JSON.stringify(keysFile)}\n`)
  devnet = (await startDevnet({ chainId: testChain.chainId, blockTimeSeconds: 0.5, accounts: 1 })).unwrap()
})
afterAll(async () => {
  await devnet?.stop()
  await rm(directory, { recursive: true, force: true })
})

async function balanceOf(address: string): Promise<bigint> {
  const response = await fetch(devnet?.rpcUrl ?? "", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_getBalance", params: [address, "latest"] }),
  })
  return BigInt(((await response.json()) as { result: string }).result)
}

const target = (...extra: string[]) => [
  "--rpc-url",
  devnet?.rpcUrl ?? "",
  "--config",
  configFile,
  "--wallets",
  "4",
  ...extra,
]

type FundingJson = {
  type: string
  funder: string
  wallets: number
  total: string
  transfers: { hash: string; from: string; to: string[]; amount: string }[]
}

describe("wallets fund / reclaim on a devnet", () => {
  it("funds, tops up only below the threshold, and reclaims, printing every transaction", async () => {
    const funded = await runTestCli(["wallets", "fund", ...target("--funding-target", "0.5", "--json")], {
      chain: testChain,
      environment,
    })
    expect(funded.stderr).toBe("")
    expect(funded.code).toBe(0)
    const report = JSON.parse(funded.stdout) as FundingJson
    expect(report).toMatchObject({
      type: "fund",
      funder: funder?.address,
      wallets: 4,
      total: String(2n * ether),
    })
    expect(report.transfers.map((transfer) => transfer.to[0]).sort()).toEqual([...addresses].sort())
    for (const transfer of report.transfers) {
      expect(transfer.hash).toMatch(/^0x[0-9a-f]{64}$/)
      expect(transfer.amount).toBe(String(ether / 2n))
    }
    for (const address of addresses) expect(await balanceOf(address)).toBe(ether / 2n)

    const nothing = await runTestCli(["wallets", "fund", ...target("--funding-target", "0.5")], {
      chain: testChain,
      environment,
    })
    expect(nothing.code).toBe(0)
    expect(nothing.stdout).toBe(
      "Nothing to fund: none of the 4 wallet(s) is below the threshold (chain 31337).\n",
    )

    const topped = await runTestCli(
      ["wallets", "fund", ...target("--funding-target", "1", "--funding-threshold", "0.6")],
      { chain: testChain, environment },
    )
    expect(topped.code).toBe(0)
    expect(topped.stdout.split("\n")[0]).toBe(
      `Funded 4 of 4 wallet(s) from ${funder?.address} on chain 31337: 2 ETH in 4 transaction(s).`,
    )
    expect(topped.stdout).toMatch(/\ntransaction\s+to\s+amount\n/)
    expect(topped.stdout.match(/0\.5 ETH/g)).toHaveLength(4)
    for (const address of addresses) expect(await balanceOf(address)).toBe(ether)

    const funderBefore = await balanceOf(funder?.address ?? "")
    const reclaimed = await runTestCli(["wallets", "reclaim", ...target("--json")], {
      chain: testChain,
      environment,
    })
    expect(reclaimed.stderr).toBe("")
    expect(reclaimed.code).toBe(0)
    const back = JSON.parse(reclaimed.stdout) as FundingJson
    expect(back.type).toBe("reclaim")
    expect(back.transfers).toHaveLength(4)
    expect(back.transfers.map((transfer) => transfer.from).sort()).toEqual([...addresses].sort())
    for (const address of addresses) expect(await balanceOf(address)).toBeLessThan(ether / 1000n)
    expect(await balanceOf(funder?.address ?? "")).toBe(funderBefore + BigInt(back.total))
    expect(BigInt(back.total)).toBeGreaterThan((4n * ether * 999n) / 1000n)
  }, 40_000)

  it("bad input is one error line and exit 2, before anything is sent", async () => {
    const cases: { argv: string[]; environment: Record<string, string | undefined>; first: string }[] = [
      {
        argv: ["wallets", "fund", ...target()],
        environment: {},
        first: "error: `runnertest wallets fund` needs a funder and none is configured.",
      },
      {
        argv: ["wallets", "reclaim", ...target()],
        environment: {},
        first: "error: `runnertest wallets reclaim` needs a funder and none is configured.",
      },
      {
        // Without sources the wallets are derived from the funder key; an address alone cannot derive them.
        argv: ["wallets", "reclaim", "--rpc-url", devnet?.rpcUrl ?? ""],
        environment: { TESTNET_FUNDER_ADDRESS: funder?.address },
        first:
          "error: `runnertest wallets reclaim` has no wallets: no wallet source is configured and no funder key to derive them from.",
      },
      {
        argv: ["wallets", "fund", "--config", configFile],
        environment,
        first: "error: `runnertest wallets fund` needs --rpc-url (or rpc_urls in the config).",
      },
      {
        argv: ["wallets", "fund", ...target("--funding-target", "0.1", "--funding-threshold", "0.2")],
        environment,
        first: 'error: Invalid --funding-threshold "0.2": the threshold cannot be above the funding target.',
      },
      {
        argv: ["wallets", "fund", ...target("--funding-target", "lots")],
        environment,
        first:
          "error: option '--funding-target <amount>' argument 'lots' is invalid. Must be an amount in whole units, e.g. 1 or 0.05.",
      },
    ]
    for (const { argv, environment: variables, first } of cases) {
      const result = await runTestCli(argv, { chain: testChain, environment: variables })
      expect({ argv, code: result.code, first: result.stderr.split("\n")[0] }).toEqual({
        argv,
        code: 2,
        first,
      })
      expect(result.stderr).not.toMatch(/\n\s+at /)
      expect(result.stdout).toBe("")
    }
  })
})
