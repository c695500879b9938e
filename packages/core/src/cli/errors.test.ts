import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { ConfigFileNotFoundError } from "../errors/config.js"
import { DevnetFailedToStartError } from "../errors/devnet.js"
import { TaskNotFoundError } from "../errors/task.js"
import { exitCodeFor } from "./exitCodes.js"
import { inShard, parseShard, parseWeights } from "./flagParsers.js"
import { renderError } from "./renderError.js"

describe("renderError and exit codes", () => {
  it("renders a bad-input error as one line plus hints, exit 2, no stack even when verbose", () => {
    const error = new TaskNotFoundError({ name: "nope", available: ["transfer"] })
    expect(renderError(error)).toBe('error: Unknown task "nope".\n  Available tasks: transfer\n')
    expect(exitCodeFor(error)).toBe(2)
    const config = new ConfigFileNotFoundError({
      path: "x.toml",
      cause: Object.assign(new Error("ENOENT: no such file"), { code: "ENOENT" }),
    })
    expect(exitCodeFor(config)).toBe(2)
    const verbose = renderError(config, { verbose: true })
    expect(verbose).toContain("caused by: Error [ENOENT]: ENOENT: no such file")
    expect(verbose).not.toMatch(/\n\s+at /)
  })

  it("renders a runtime failure with exit 1, and the cause chain with --verbose", () => {
    const root = new Error("spawn EACCES")
    const error = new DevnetFailedToStartError({ stderr: "", exitCode: 126, cause: root })
    expect(exitCodeFor(error)).toBe(1)
    expect(renderError(error).split("\n")[0]).toBe("error: The devnet (anvil) failed to start.")
    const verbose = renderError(error, { verbose: true })
    expect(verbose).toContain("details: anvil exited with code 126")
    expect(verbose).toContain("caused by: Error: spawn EACCES")
    expect(verbose).toMatch(/\n\s+at /) // the innermost stack, for runtime failures only
  })

  it("renders an unexpected (non-framework) error as a bug, exit 1", () => {
    expect(renderError(new TypeError("x is undefined"))).toBe(
      "error: unexpected internal error: x is undefined\n  This is a bug. Re-run with --verbose for the stack trace and report it.\n",
    )
    expect(exitCodeFor(new TypeError("x"))).toBe(1)
  })
})

describe("flag parsers", () => {
  it("parses weights", () => {
    expect(parseWeights("a=1, b = 2.5")).toEqual({ a: 1, b: 2.5 })
    expect(() => parseWeights("a")).toThrow(/name=weight/)
    expect(() => parseWeights("a=-1")).toThrow(/name=weight/)
  })

  it("deals every position to exactly one shard (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16 }), fc.nat({ max: 1000 }), (count, position) => {
        const owners = Array.from({ length: count }, (_, index) =>
          parseShard(`${index + 1}/${count}`),
        ).filter((shard) => shard !== "auto" && inShard(position, shard))
        expect(owners).toHaveLength(1)
      }),
    )
    expect(() => parseShard("0/4")).toThrow(/between 1 and 4/)
    expect(() => parseShard("1/0")).toThrow(/COUNT must be >= 1/)
    expect(parseShard(" auto ")).toBe("auto")
  })
})
