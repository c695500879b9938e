import { mkdtemp, readFile, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Writable } from "node:stream"
import { describe, expect, it } from "vitest"
import { withCorrelation } from "./correlation.js"
import { createLogger } from "./createLogger.js"

function capture() {
  const lines: string[] = []
  return {
    lines,
    stream: {
      write(chunk: string) {
        lines.push(chunk)
      },
    },
    records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  }
}

const secretKey = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"

describe("createLogger", () => {
  it("writes JSON lines with level labels and bindings", () => {
    const output = capture()
    const logger = createLogger({ level: "info", destination: output.stream, bindings: { chain: "tempo" } })
    logger.debug("hidden")
    logger.info({ sent: 3 }, "progress")
    const [record] = output.records()
    expect(output.lines).toHaveLength(1)
    expect(record).toMatchObject({ level: "info", chain: "tempo", sent: 3, msg: "progress" })
    expect(typeof record?.time).toBe("string")
  })

  it("redacts secrets at the top level and nested", () => {
    const output = capture()
    const logger = createLogger({ level: "trace", destination: output.stream })
    logger.info(
      {
        privateKey: secretKey,
        password: "hunter2",
        mnemonic: "test test test test test test test test test test test junk",
        wallet: { address: "0xabc", key: secretKey, source: { phrase: "seed words here", secret: "s3" } },
        request: { headers: { authorization: "Bearer abc", Authorization: "Basic xyz" } },
        nonceKey: "5",
      },
      "loaded",
    )
    const line = output.lines.join("")
    for (const secret of [
      secretKey,
      "hunter2",
      "test test",
      "seed words",
      "Bearer abc",
      "Basic xyz",
      '"s3"',
    ]) {
      expect(line).not.toContain(secret)
    }
    expect(output.records()[0]).toMatchObject({
      privateKey: "[redacted]",
      password: "[redacted]",
      mnemonic: "[redacted]",
      wallet: { address: "0xabc", key: "[redacted]", source: { phrase: "[redacted]", secret: "[redacted]" } },
      request: { headers: { authorization: "[redacted]", Authorization: "[redacted]" } },
      nonceKey: "5", // neighbouring non-secret fields survive
    })
  })

  it("adds correlation fields through child loggers", () => {
    const output = capture()
    const logger = createLogger({ level: "info", destination: output.stream })
    const child = withCorrelation(logger, {
      runId: "run-1",
      worker: 2,
      wallet: "0xabc",
      task: "transfer",
      nonce: 7n,
    })
    withCorrelation(child, { transactionHash: "0xdead" }).info("sent")
    expect(output.records()[0]).toMatchObject({
      runId: "run-1",
      worker: 2,
      wallet: "0xabc",
      task: "transfer",
      nonce: "7",
      transactionHash: "0xdead",
      msg: "sent",
    })
  })

  it("serializes errors under err and error", () => {
    const output = capture()
    createLogger({ level: "info", destination: output.stream }).error(
      { error: new Error("broken") },
      "failed",
    )
    expect(output.records()[0]).toMatchObject({ error: { type: "Error", message: "broken" } })
  })

  it("writes pretty lines when asked, still redacted", () => {
    const chunks: string[] = []
    const stream = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk))
        done()
      },
    })
    const logger = createLogger({ level: "info", pretty: true, destination: stream })
    logger.info({ password: "hunter2", sent: 1 }, "hello")
    const text = chunks.join("")
    expect(text).toContain("hello")
    expect(text).toContain("[redacted]")
    expect(text).not.toContain("hunter2")
    expect(() => JSON.parse(text)).toThrow()
  })

  it("writes to a file path synchronously", async () => {
    const directory = await mkdtemp(join(tmpdir(), "logger-"))
    try {
      const file = join(directory, "nested", "run.log")
      createLogger({ level: "info", destination: file }).warn({ secret: "zzz" }, "to file")
      const content = await readFile(file, "utf8")
      expect(JSON.parse(content)).toMatchObject({ level: "warn", msg: "to file", secret: "[redacted]" })
    } finally {
      await rm(directory, { recursive: true, force: true })
    }
  })

  it("is quiet at level silent", () => {
    const output = capture()
    createLogger({ level: "silent", destination: output.stream }).error("nothing")
    expect(output.lines).toEqual([])
  })
})
