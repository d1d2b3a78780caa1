import { describe, expect, it } from 'vitest'
import { cli, useSignedInEmulator } from './cli-process.js'

/** The revenue-organization topic, from the real CLI process to a served emulator. */

const MAYA = '00000000-0000-4000-8000-000000072001'
const TOM = '00000000-0000-4000-8000-000000072002'
const NORTH_AMERICA = '00000000-0000-4000-8000-000000072101'

let env: NodeJS.ProcessEnv
useSignedInEmulator((_served, signedIn) => {
  env = signedIn
})

async function ok(args: string[]) {
  const result = await cli(args, env)
  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  return result.json()
}

describe('territories and allocations', () => {
  it('assigns members to a territory within the rules, and reads the allocations a territory made', async () => {
    const members = `[{"uuid":"${MAYA}","weight":3},{"uuid":"${TOM}","weight":1}]`
    const { territory } = await ok(['revenue-organization', 'territory', 'create', '--label', 'EMEA', '--color', 'purple', '--members', members, '--fallback-member-uuid', TOM])
    expect(territory).toMatchObject({ label: 'EMEA', members: [{ uuid: MAYA, weight: 3 }, { uuid: TOM, weight: 1 }], fallbackMemberUuid: TOM })

    await ok(['revenue-organization', 'member', 'archive', TOM])
    const refused = await cli(['revenue-organization', 'territory', 'update', '--uuid', territory.uuid, '--members', `[{"uuid":"${TOM}","weight":null}]`], env)
    expect(refused.code).toBe(1)
    expect(refused.json()).toMatchObject({ reason: 'memberArchived', status: 400 })

    const badWeight = await cli(['revenue-organization', 'territory', 'create', '--label', 'X', '--color', 'red', '--members', `[{"uuid":"${MAYA}","weight":-1}]`], env)
    expect(badWeight.code).toBe(2)

    const { allocations } = await ok(['revenue-organization', 'allocation', 'list', '--territory-uuid', NORTH_AMERICA, '--expiration-policy', '{"interval":"monthly","day":1}'])
    expect(allocations.map((allocation: { recordIds: string[] }) => allocation.recordIds[0])).toEqual(['acme.com', 'globex.com'])
    expect(await ok(['revenue-organization', 'allocation', 'remove', allocations[0].uuid])).toEqual({})
    expect((await ok(['revenue-organization', 'allocation', 'list', '--members-uuids', MAYA])).allocations).toEqual([])
  })
})
