import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigFileError, readConfig, updateConfig } from '../../src/auth/config-file.js'

describe('config.json', () => {
  it('concurrent updates do not lose each other (each holds the lock while it reads and writes)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cargo-ai-config-'))
    const names = Array.from({ length: 20 }, (_, index) => `p${index}`)
    await Promise.all(
      names.map((name) =>
        updateConfig(dir, (config) => {
          config.profiles[name] = { baseUrl: `https://${name}.test` }
          config.currentProfile = name
        }),
      ),
    )
    const config = await readConfig(dir)
    expect(Object.keys(config.profiles).sort()).toEqual([...names].sort())
    expect(names).toContain(config.currentProfile)
  })

  it('keeps unknown keys, fills defaults, and refuses a file of the wrong shape', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cargo-ai-config-'))
    expect(await readConfig(dir)).toEqual({ currentProfile: 'default', profiles: {} })
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ profiles: { a: { baseUrl: 'x', future: 1 } }, extra: true }))
    await updateConfig(dir, () => false)
    expect(await readConfig(dir)).toEqual({ currentProfile: 'default', profiles: { a: { baseUrl: 'x', future: 1 } }, extra: true })
    await updateConfig(dir, (config) => {
      config.currentProfile = 'a'
    })
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toMatchObject({ currentProfile: 'a', extra: true })
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ profiles: { a: { emulator: 'yes' } } }))
    await expect(readConfig(dir)).rejects.toBeInstanceOf(ConfigFileError)
    writeFileSync(join(dir, 'config.json'), '{')
    await expect(readConfig(dir)).rejects.toThrow(/not valid JSON/)
  })
})
