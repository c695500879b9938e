/**
 * Checks a SQLite path before anything is opened or written: the user's directories are never
 * created behind their back (a typo would silently scatter databases); only the tool's own
 * default location gets its directory.
 */
import { mkdirSync, statSync } from "node:fs"
import { dirname, resolve } from "node:path"
import { DatabasePathError, type DatabasePathErrorType } from "../errors/database.js"
import { Err, Ok, type Result } from "../result.js"
import { isPostgresUrl } from "./maskUrl.js"

function kindOf(path: string): "file" | "directory" | "other" | "missing" {
  try {
    const stats = statSync(path)
    return stats.isDirectory() ? "directory" : stats.isFile() ? "file" : "other"
  } catch {
    return "missing"
  }
}

/** The nearest existing ancestor of `path` (itself included), or undefined when none exists. */
function nearestExisting(path: string): { path: string; kind: "file" | "directory" | "other" } | undefined {
  let current = path
  for (;;) {
    const kind = kindOf(current)
    if (kind !== "missing") return { path: current, kind }
    const parent = dirname(current)
    if (parent === current) return undefined
    current = parent
  }
}

/**
 * Makes sure a SQLite database can be created at `url`: ":memory:" and PostgreSQL URLs pass; a
 * path whose directory is missing is refused unless `createDirectory` (the default location,
 * which the tool owns); a path under a regular file or naming a directory is refused.
 *
 * @example
 * const checked = prepareDatabasePath("./data/tempo.db", { createDirectory: true })
 * if (checked.isErr()) return checked // DATABASE_INVALID_PATH, exit 2
 */
export function prepareDatabasePath(
  url: string,
  options: { createDirectory: boolean },
): Result<void, DatabasePathErrorType> {
  if (url === ":memory:" || url === "" || isPostgresUrl(url)) return Ok(undefined)
  const absolute = resolve(url)
  const fail = (reason: string, hint: string) =>
    Err(new DatabasePathError({ target: url, reason, hint }) as DatabasePathErrorType)
  const itself = kindOf(absolute)
  if (itself === "directory")
    return fail("it is a directory", `Name a file inside it, e.g. --db ${url.replace(/\/+$/, "")}/run.db.`)
  if (itself === "file") return Ok(undefined)
  const directory = dirname(absolute)
  const existing = nearestExisting(directory)
  if (existing !== undefined && existing.kind !== "directory")
    return fail(
      `${existing.path} is a file, not a directory`,
      "Choose a --db path whose directories exist (a file cannot hold a database file).",
    )
  if (existing?.path === directory) return Ok(undefined)
  if (!options.createDirectory)
    return fail(
      `its directory ${directory} does not exist`,
      `Create it first (mkdir -p ${directory}) or choose another --db path; only the default location's directory is created.`,
    )
  try {
    mkdirSync(directory, { recursive: true })
    return Ok(undefined)
  } catch {
    return fail(
      `its directory ${directory} cannot be created`,
      "Choose a --db path in a writable directory (or fix the permissions).",
    )
  }
}
