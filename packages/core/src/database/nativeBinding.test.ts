import { describe, expect, it, vi } from "vitest"
import { renderError } from "../cli/renderError.js"
import { openSqlite } from "./sqlite.js"

// Simulates what better-sqlite3 throws on its first `new Database` when pnpm 10 skipped its
// install script: the `bindings` loader's error. Everything else (the error class, the CLI's
// rendering) is real.
const loaderMessage =
  "Could not locate the bindings file. Tried:\n → /app/node_modules/better-sqlite3/build/better_sqlite3.node\n → /app/node_modules/better-sqlite3/build/Release/better_sqlite3.node"
const abiMessage =
  "The module '/app/node_modules/better-sqlite3/build/Release/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js requires\nNODE_MODULE_VERSION 127."
const loadFailure = vi.hoisted(() => ({ message: "" }))

vi.mock("better-sqlite3", () => ({
  default: class {
    constructor() {
      throw new Error(loadFailure.message)
    }
  },
}))

describe("a better-sqlite3 without its native binding", () => {
  it("says in the first line which package to allow and how, without --verbose", () => {
    loadFailure.message = loaderMessage
    const opened = openSqlite({ path: "./data/run.db", busyTimeoutMs: 1000 })
    expect(opened.isErr()).toBe(true)
    const [first, ...rest] = renderError(opened.unwrapErr()).trimEnd().split("\n")
    expect(first).toBe(
      'error: Could not open the database ./data/run.db: the native module better-sqlite3 is not built (pnpm 10 skips install scripts): add "pnpm": { "onlyBuiltDependencies": ["better-sqlite3"] } to your package.json and reinstall (pnpm install), or with npm run npm rebuild better-sqlite3.',
    )
    expect(rest.join("\n")).not.toContain("--db")
    expect(rest.join("\n")).not.toContain("Tried:")
  })

  it("asks for a rebuild when the binding was built for another Node.js version", () => {
    loadFailure.message = abiMessage
    const opened = openSqlite({ path: ":memory:", busyTimeoutMs: 1000 })
    const first = renderError(opened.unwrapErr()).split("\n")[0]
    expect(first).toContain("was built for another Node.js version")
    expect(first).toContain("npm rebuild better-sqlite3")
  })

  it("keeps the path hint, naming the real --db flag, for any other open failure", () => {
    loadFailure.message = "unable to open database file"
    const opened = openSqlite({ path: "/proc/run.db", busyTimeoutMs: 1000 })
    expect(renderError(opened.unwrapErr())).toBe(
      "error: Could not open the database /proc/run.db: the file cannot be opened for writing.\n  Check that the path is a writable file (not a directory) or choose another --db path.\n",
    )
  })
})
