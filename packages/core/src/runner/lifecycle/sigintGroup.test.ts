import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, it } from "vitest"
import { expectDrained } from "../../testing/runner/expectDrained.js"
import { runSigintChild } from "../../testing/runner/sigintRun.js"

// A terminal's Ctrl-C sends SIGINT to the whole foreground process group. The child leads its own
// group here and the signal goes to all of it: anvil (in a group of its own) must keep running
// until the run has drained, and be gone afterwards.

const directory = mkdtempSync(join(tmpdir(), "runner-sigint-group-"))
afterAll(() => {
  rmSync(directory, { recursive: true, force: true })
})

describe("Ctrl-C to the whole process group during a run on the embedded devnet", () => {
  it("drains (nothing pending), exits 0, and anvil is gone afterwards", async () => {
    const databasePath = join(directory, "sigint-group.db")
    await expectDrained(await runSigintChild({ databasePath, tag: "group", group: true }), databasePath)
  }, 55_000)
})
