/**
 * Sends with the global fetch. Where a proxy variable is set, passes undici's EnvHttpProxyAgent as the
 * dispatcher (HTTPS_PROXY, HTTP_PROXY, NO_PROXY); otherwise undici is never loaded, which keeps start-up fast.
 */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>

const proxyVariables = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy']

export function createTransport(env: NodeJS.ProcessEnv = process.env): FetchLike {
  let proxyDispatcher: Promise<unknown> | undefined
  const useProxy = proxyVariables.some((name) => env[name])
  if (!useProxy) return (input, init) => fetch(input, init)
  return async (input, init) => {
    proxyDispatcher ??= import('undici').then(
      ({ EnvHttpProxyAgent }) =>
        new EnvHttpProxyAgent({
          httpProxy: env.HTTP_PROXY ?? env.http_proxy,
          httpsProxy: env.HTTPS_PROXY ?? env.https_proxy ?? env.HTTP_PROXY ?? env.http_proxy,
          noProxy: env.NO_PROXY ?? env.no_proxy,
        }),
    )
    const dispatcher = await proxyDispatcher
    return fetch(input, { ...init, dispatcher } as RequestInit)
  }
}
