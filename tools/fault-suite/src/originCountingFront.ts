import { readdirSync, readFileSync, readlinkSync } from "node:fs"
import { createServer, request as httpRequest } from "node:http"
import type { Socket } from "node:net"
import { listenOnLoopback } from "@testnet/test-helpers"

/**
 * A loopback HTTP front for a node that counts requests by where their TCP connection came from:
 * this process (the test's in-process proxies forwarding) or another one (the CLI connecting
 * directly). The origin is read from the kernel: the peer socket's inode in /proc/net/tcp, looked
 * up among this process's file descriptors (Linux only).
 *
 * @example
 * const front = await startOriginCountingFront(anvil.url)
 * // … run the CLI against front.url …
 * expect(front.direct).toBe(0)
 */
export type OriginCountingFront = {
  url: string
  /** Requests whose connection came from this process (through an in-process proxy). */
  readonly proxied: number
  /** Requests whose connection came from another process (the CLI, directly). */
  readonly direct: number
  close(): Promise<void>
}

function hexPort(port: number): string {
  return port.toString(16).toUpperCase().padStart(4, "0")
}

/** Inode of the loopback socket bound to `localPort` and connected to `remotePort`, from /proc/net/tcp. */
function socketInode(localPort: number, remotePort: number): string | undefined {
  const local = `0100007F:${hexPort(localPort)}`
  const remote = `0100007F:${hexPort(remotePort)}`
  for (const line of readFileSync("/proc/net/tcp", "utf8").split("\n").slice(1)) {
    const fields = line.trim().split(/\s+/)
    if (fields[1] === local && fields[2] === remote) return fields[9]
  }
  return undefined
}

function ownsSocket(inode: string): boolean {
  const target = `socket:[${inode}]`
  for (const descriptor of readdirSync("/proc/self/fd")) {
    try {
      if (readlinkSync(`/proc/self/fd/${descriptor}`) === target) return true
    } catch {
      // Closed between the listing and the read.
    }
  }
  return false
}

/**
 * Starts the front on 127.0.0.1, forwarding every request to `targetUrl`.
 *
 * @example
 * const front = await startOriginCountingFront("http://127.0.0.1:8545")
 */
export async function startOriginCountingFront(targetUrl: string): Promise<OriginCountingFront> {
  const target = new URL(targetUrl)
  const fromThisProcess = new WeakMap<Socket, boolean>()
  let proxied = 0
  let direct = 0
  const server = createServer((request, response) => {
    if (fromThisProcess.get(request.socket) === true) proxied += 1
    else direct += 1
    const forwarded = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: request.url,
        method: request.method,
        headers: { ...request.headers, host: target.host },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(response)
      },
    )
    forwarded.on("error", () => response.destroy())
    request.pipe(forwarded)
  })
  let frontPort = 0
  const listening = await listenOnLoopback(server, {
    onConnection(socket) {
      // Classified while the peer is certainly connected (its entry is in /proc/net/tcp).
      const inode = socketInode(socket.remotePort ?? 0, frontPort)
      fromThisProcess.set(socket, inode !== undefined && ownsSocket(inode))
    },
  })
  frontPort = listening.port
  return {
    url: `http://127.0.0.1:${listening.port}`,
    get proxied() {
      return proxied
    },
    get direct() {
      return direct
    },
    close: listening.close,
  }
}
