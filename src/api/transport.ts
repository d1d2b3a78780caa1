/**
 * Sends with the global fetch. Where a proxy variable is set, passes undici's EnvHttpProxyAgent as the
 * dispatcher (HTTPS_PROXY, HTTP_PROXY, NO_PROXY); otherwise undici is never loaded, which keeps start-up fast.
 */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>

const proxyVariables = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']

let proxyDispatcher: Promise<unknown> | undefined

export function createTransport(env: NodeJS.ProcessEnv = process.env): FetchLike {
  const useProxy = proxyVariables.some((name) => env[name])
  if (!useProxy) return (input, init) => fetch(input, init)
  return async (input, init) => {
    proxyDispatcher ??= import('undici').then(({ EnvHttpProxyAgent }) => new EnvHttpProxyAgent())
    const dispatcher = await proxyDispatcher
    return fetch(input, { ...init, dispatcher } as RequestInit)
  }
}
