import { createServer } from "node:net"

/**
 * Asks the OS for a currently free TCP port on `host` (anvil cannot bind port 0 itself).
 * The port is released before returning, so another process may take it: callers retry on
 * "address already in use".
 *
 * @example
 * const port = await findFreePort("127.0.0.1")
 */
export function findFreePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.once("error", reject)
    server.listen({ port: 0, host, exclusive: true }, () => {
      const address = server.address()
      const port = typeof address === "object" && address !== null ? address.port : 0
      server.close((error) => (error ? reject(error) : resolve(port)))
    })
  })
}
