import type { Dispatcher } from "undici"

/** A dispatcher that fails every request: used when all proxies are banned and direct is not allowed. */
export function createRefusingDispatcher(error: () => Error): Dispatcher {
  const refusing = {
    dispatch(_options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler) {
      queueMicrotask(() => {
        const failure = error()
        if (handler.onResponseError) handler.onResponseError({} as never, failure)
        else handler.onError?.(failure)
      })
      return true
    },
    close: async () => undefined,
    destroy: async () => undefined,
  }
  return refusing as unknown as Dispatcher
}
