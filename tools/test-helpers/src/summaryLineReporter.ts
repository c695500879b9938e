import type { Reporter, TestModule } from "vitest/node"

/**
 * Prints one plain closing line, `vitest: N passed, N failed, N skipped`, after every run,
 * so that CI logs carry a summary any reader (human or machine) can parse.
 *
 * @example
 * // vitest.config.ts
 * export default defineConfig({ test: { reporters: ["default", "./summaryLineReporter.ts"] } })
 */
export default class SummaryLineReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0
    let failed = 0
    let skipped = 0
    for (const testModule of testModules) {
      if (testModule.state() === "failed" && [...testModule.children.allTests()].length === 0) failed += 1
      for (const test of testModule.children.allTests()) {
        const state = test.result().state
        if (state === "passed") passed += 1
        else if (state === "failed") failed += 1
        else skipped += 1
      }
    }
    process.stdout.write(`\nvitest: ${passed} passed, ${failed} failed, ${skipped} skipped\n`)
  }
}
