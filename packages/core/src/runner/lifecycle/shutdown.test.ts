import { EventEmitter } from "node:events"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { expectDrained } from "../../testing/runner/expectDrained.js"
import { runSigintChild } from "../../testing/runner/sigintRun.js"
import { installShutdownHandlers } from "./shutdown.js"

const directory = mkdtempSync(join(tmpdir(), "runner-sigint-"))
afterAll(() => {
  rmSync(directory, { recursive: true, force: true })
})

describe("installShutdownHandlers", () => {
  it("stops on the first signal, aborts on the second, and uninstalls", () => {
    const fakeProcess = new EventEmitter()
    const calls: string[] = []
    const uninstall = installShutdownHandlers(
      { stop: (reason) => calls.push(`stop:${reason}`), abort: (reason) => calls.push(`abort:${reason}`) },
      {
        processLike: fakeProcess as unknown as Pick<NodeJS.Process, "on" | "off">,
        onSecondSignal: (signal) => calls.push(`exit:${signal}`),
      },
    )
    fakeProcess.emit("SIGINT", "SIGINT")
    expect(calls).toEqual(["stop:SIGINT"])
    fakeProcess.emit("SIGTERM", "SIGTERM")
    expect(calls).toEqual(["stop:SIGINT", "abort:SIGTERM", "exit:SIGTERM"])
    uninstall()
    expect(fakeProcess.listenerCount("SIGINT")).toBe(0)
    expect(fakeProcess.listenerCount("SIGTERM")).toBe(0)
  })
})

describe("SIGINT during a run (child process)", () => {
  it("drains, records everything, exits 0 and leaves no anvil behind", async () => {
    await expectDrained(
      await runSigintChild({ databasePath: join(directory, "sigint.db"), tag: "pid", group: false }),
      join(directory, "sigint.db"),
    )
  }, 55_000)
})
