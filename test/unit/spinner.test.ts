/**
 * NO_COLOR reaches the wait spinner (issue 11 point 5). ora colours its frame through chalk, which looks at
 * FORCE_COLOR and the terminal but not at NO_COLOR: set FORCE_COLOR before ora loads (this file runs in a
 * process of its own), so that the colour would show if startSpinner did not turn it off.
 */
import { Writable } from 'node:stream'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { startSpinner } from '../../src/cli/wait.js'

vi.stubEnv('FORCE_COLOR', '1')
vi.stubEnv('CI', undefined)
vi.stubEnv('TERM', 'xterm-256color')
afterAll(() => vi.unstubAllEnvs())

/** A stream that says it is a terminal, as ora needs to animate, recording what is written. */
function fakeTerminal(columns = 80) {
  let written = ''
  const stream = new Writable({
    write(chunk, _encoding, done) {
      written += chunk
      done()
    },
  })
  Object.assign(stream, {
    isTTY: true,
    columns,
    rows: 24,
    cursorTo: (_x: number, callback?: () => void) => callback?.() ?? true,
    clearLine: (_dir: number, callback?: () => void) => callback?.() ?? true,
    moveCursor: (_dx: number, _dy: number, callback?: () => void) => callback?.() ?? true,
  })
  return { stream, written: () => written }
}

// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[\d;]*m/

describe('the wait spinner', () => {
  it('is coloured on a colour terminal (the control for the test below)', async () => {
    const terminal = fakeTerminal()
    const spinner = await startSpinner(terminal.stream, 'Waiting for run r-1', {})
    spinner.stop()
    expect(terminal.written()).toMatch(SGR)
    expect(terminal.written()).toContain('Waiting for run r-1')
  })

  it('with NO_COLOR writes no colour code, and still shows its text', async () => {
    const terminal = fakeTerminal()
    const spinner = await startSpinner(terminal.stream, 'Waiting for run r-1', { NO_COLOR: '1' })
    spinner.stop()
    expect(terminal.written()).not.toMatch(SGR)
    expect(terminal.written()).toContain('⠋ Waiting for run r-1')
  })

  it('NO_COLOR set but empty means colour, as no-color.org says', async () => {
    const terminal = fakeTerminal()
    const spinner = await startSpinner(terminal.stream, 'Waiting for run r-1', { NO_COLOR: '' })
    spinner.stop()
    expect(terminal.written()).toMatch(SGR)
  })

  it('a terminal that reports 0 columns gets one plain line instead of an animation (ora would loop on it)', async () => {
    const terminal = fakeTerminal(0)
    const spinner = await startSpinner(terminal.stream, 'Waiting for run r-1', { NO_COLOR: '1' })
    spinner.stop()
    expect(terminal.written()).toBe('- Waiting for run r-1\n')
  })
})
