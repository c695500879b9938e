import { describe, expect, it } from "vitest"
import {
  MetricsPortInUseError,
  ReportNoRunsError,
  ReportOutputNotWritableError,
  ReportRunNotFoundError,
} from "./report.js"

describe("report errors", () => {
  it("ReportRunNotFoundError lists the latest runs", () => {
    const error = new ReportRunNotFoundError({
      runId: "missing",
      latestRuns: [
        { id: "run-2", chain: "tempo", startedAt: Date.UTC(2026, 10, 22, 3), status: "completed" },
        { id: "run-1", chain: "tempo", startedAt: Date.UTC(2026, 10, 21, 3), status: "interrupted" },
      ],
    })
    expect(error.code).toBe("REPORT_RUN_NOT_FOUND")
    expect(error.runId).toBe("missing")
    expect(error.message).toMatchInlineSnapshot(`
      "Run missing is not in the database.

      Latest runs:
        run-2  tempo  2026-11-22T03:00:00.000Z  completed
        run-1  tempo  2026-11-21T03:00:00.000Z  interrupted
      Pass one of these ids with --run, or --last for the newest."
    `)
  })

  it("ReportRunNotFoundError says when the database is empty", () => {
    const error = new ReportRunNotFoundError({ runId: "missing", latestRuns: [] })
    expect(error.message).toMatchInlineSnapshot(`
      "Run missing is not in the database.

      The database holds no run at all."
    `)
  })

  it("ReportNoRunsError names the chain and the database", () => {
    const error = new ReportNoRunsError({ chain: "tempo", database: "./data/tempo.db" })
    expect(error.code).toBe("REPORT_NO_RUNS")
    expect(error.message).toMatchInlineSnapshot(`
      "No run of tempo is recorded in ./data/tempo.db yet.

      Start a run first (\`start\`), or point --db at the database that holds your runs."
    `)
    expect(new ReportNoRunsError({ database: ":memory:" }).shortMessage).toBe(
      "No run is recorded in :memory: yet.",
    )
  })

  it("ReportOutputNotWritableError names the path and the system's reason", () => {
    const cause = Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" })
    const error = new ReportOutputNotWritableError({ path: "/read-only/report.html", cause })
    expect(error.code).toBe("REPORT_OUTPUT_NOT_WRITABLE")
    expect(error.cause).toBe(cause)
    expect(error.message).toMatchInlineSnapshot(`
      "The report could not be written to /read-only/report.html.

      Choose another file with --out, or fix the folder's permissions.

      Details: EACCES"
    `)
  })

  it("MetricsPortInUseError names the address", () => {
    const cause = Object.assign(new Error("listen EADDRINUSE"), { code: "EADDRINUSE" })
    const error = new MetricsPortInUseError({ host: "127.0.0.1", port: 9464, cause })
    expect(error.code).toBe("METRICS_PORT_IN_USE")
    expect(error.port).toBe(9464)
    expect(error.message).toMatchInlineSnapshot(`
      "The metrics endpoint could not listen on 127.0.0.1:9464.

      Another process uses that port: pick another with --metrics-port.

      Details: EADDRINUSE"
    `)
  })
})
