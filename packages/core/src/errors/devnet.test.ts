import { describe, expect, it } from "vitest"
import {
  DevnetBinaryNotFoundError,
  DevnetFailedToStartError,
  DevnetNotReadyError,
  DevnetPortInUseError,
} from "./devnet.js"

describe("devnet errors", () => {
  it("DevnetBinaryNotFoundError says how to install anvil", () => {
    const error = new DevnetBinaryNotFoundError({
      searched: ["TESTNET_ANVIL_PATH=/x", "@foundry-rs/anvil (not installed)"],
    })
    expect(error.code).toBe("DEVNET_BINARY_NOT_FOUND")
    expect(error.message).toMatchInlineSnapshot(`
      "The anvil binary was not found.

      Install it with \`pnpm add @foundry-rs/anvil@1.7.1\` (it ships a binary for your platform),
      or point TESTNET_ANVIL_PATH at an anvil executable, or pass --rpc-url to use a running node.

      Details: searched: TESTNET_ANVIL_PATH=/x, @foundry-rs/anvil (not installed)"
    `)
  })

  it("DevnetPortInUseError names the port", () => {
    const error = new DevnetPortInUseError({ port: 8545, attempts: 5 })
    expect(error.code).toBe("DEVNET_PORT_IN_USE")
    expect(error.port).toBe(8545)
    expect(error.message).toMatchInlineSnapshot(`
      "The devnet could not bind a free port (last tried 127.0.0.1:8545).

      Another process keeps taking the ports; retry, or pass --rpc-url to use a running node.

      Details: gave up after 5 attempt(s)"
    `)
  })

  it("DevnetFailedToStartError quotes anvil's stderr", () => {
    const error = new DevnetFailedToStartError({
      stderr: "error: unexpected argument '--bogus' found\n\nUsage: anvil [OPTIONS] [COMMAND]\n",
      exitCode: 2,
      arguments: ["--port", "1", "--bogus"],
    })
    expect(error.code).toBe("DEVNET_FAILED_TO_START")
    expect(error.exitCode).toBe(2)
    expect(error.message).toMatchInlineSnapshot(`
      "The devnet (anvil) failed to start: error: unexpected argument '--bogus' found

      arguments: --port 1 --bogus
      anvil: Usage: anvil [OPTIONS] [COMMAND]

      Details: anvil exited with code 2"
    `)
  })

  it("DevnetFailedToStartError without stderr (killed)", () => {
    const error = new DevnetFailedToStartError({ stderr: "", signal: "SIGKILL" })
    expect(error.message).toMatchInlineSnapshot(`
      "The devnet (anvil) failed to start.

      Details: anvil was killed by SIGKILL"
    `)
  })

  it("DevnetNotReadyError names the URL and the timeout", () => {
    const error = new DevnetNotReadyError({ rpcUrl: "http://127.0.0.1:8545", timeoutMs: 30_000 })
    expect(error.code).toBe("DEVNET_NOT_READY")
    expect(error.message).toMatchInlineSnapshot(`
      "The devnet at http://127.0.0.1:8545 did not answer within 30000 ms.

      The machine may be overloaded; retry, or raise the readiness timeout."
    `)
  })
})
