import type { IncomingMessage, Server } from "node:http"
import type { Socket } from "node:net"

/**
 * A server listening on 127.0.0.1 that tracks its sockets, so `close()` ends kept-alive and hung
 * connections at once instead of waiting for them.
 *
 * @example
 * const listening = await listenOnLoopback(createServer(handler), { onConnection: () => connections++ })
 * console.log(listening.port)
 * await listening.close()
 */
export type LoopbackListener = {
  port: number
  close(): Promise<void>
}

/**
 * Listens on an ephemeral loopback port and tracks the server's sockets.
 *
 * @example
 * const { port, close } = await listenOnLoopback(createServer((request, response) => response.end("ok")))
 */
export async function listenOnLoopback(
  server: Server,
  options: { onConnection?: (socket: Socket) => void } = {},
): Promise<LoopbackListener> {
  const sockets = new Set<Socket>()
  server.on("connection", (socket: Socket) => {
    options.onConnection?.(socket)
    sockets.add(socket)
    socket.on("close", () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => resolve())
  })
  const address = server.address()
  const port = typeof address === "object" && address !== null ? address.port : 0
  return {
    port,
    close() {
      for (const socket of sockets) socket.destroy()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}

/**
 * Reads a whole request body as UTF-8 text.
 *
 * @example
 * const text = await readRequestBody(request)
 */
export function readRequestBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    request.on("data", (chunk: Buffer) => chunks.push(chunk))
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    request.on("error", reject)
  })
}
