import type { Factory } from './factory.js'

/**
 * Opens `url` in the browser when a person can see it (a terminal on both ends, not CI, a display on
 * Linux); answers whether it tried, so that the caller prints the URL otherwise.
 */
export async function openInBrowser(factory: Factory, url: string): Promise<boolean> {
  const { env, io } = factory
  const display = process.platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY)
  if (!io.stderrIsTTY || !io.stdinIsTTY || env.CI || !display) return false
  return import('open').then(
    ({ default: open }) => open(url).then(() => true),
    () => false,
  ).catch(() => false)
}
