import { z } from 'zod'
import { defineEndpoint } from '../endpoint.js'
import { workspace } from '../schemas/workspace-management.js'

export const getCurrentWorkspace = defineEndpoint({
  name: 'workspaceManagement.getCurrentWorkspace',
  method: 'GET',
  path: '/workspaceManagement/workspaces/current',
  payloadIn: 'none',
  payload: z.object({}),
  result: z.looseObject({ workspace }),
  reasons: { workspaceNotFound: 'No workspace matches this UUID.' },
})

export const listWorkspaces = defineEndpoint({
  name: 'workspaceManagement.listWorkspaces',
  method: 'GET',
  path: '/workspaceManagement/workspaces/list',
  payloadIn: 'none',
  payload: z.object({}),
  result: z.looseObject({ workspaces: z.array(workspace) }),
  reasons: {},
})
