// The oclif manifest, computed from the compiled commands as `oclif manifest` does (without its
// publishing toolchain). Sorted, so the committed file changes only when the commands do.
import { Plugin } from '@oclif/core/config'

export async function generateManifest(root) {
  const plugin = new Plugin({ root, type: 'core', ignoreManifest: true, errorOnManifestCreate: true, respectNoCacheDefault: true })
  await plugin.load()
  const manifest = plugin.manifest
  if (!manifest || Object.keys(manifest.commands).length === 0) throw new Error('no commands found under dist/commands')
  const commands = Object.fromEntries(Object.keys(manifest.commands).sort().map((id) => [id, manifest.commands[id]]))
  return { commands, version: manifest.version }
}

export function serializeManifest(manifest) {
  return `${JSON.stringify(manifest, null, 2)}\n`
}
