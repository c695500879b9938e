import { expect, it } from "vitest"
import * as helpers from "./index.js"

// Export names of the test helpers, so an API change shows up in review.
it("exports the same names", () => {
  expect(Object.keys(helpers).sort()).toMatchInlineSnapshot(`
    [
      "auditJournal",
      "checkJournalRows",
      "checkWalletPools",
      "createInjectionCounters",
      "createJsonRpcCaller",
      "createSeededRandom",
      "findFirstBlockAtOrAfter",
      "findUnjournaledTransactions",
      "getFreePort",
      "getNetworkProfile",
      "listenOnLoopback",
      "networkProfiles",
      "readJournal",
      "readRequestBody",
      "sendRawTransactionMethods",
      "senderOfRawTransaction",
      "startFaultyRpcServer",
      "startHttpProxy",
      "startLaggingPendingFront",
      "startMethodFaultProxy",
      "startNetworkConditionsProxy",
      "startSocks5Proxy",
    ]
  `)
})
