import { getDeployment } from '../../api/endpoints/hosting.js'
import { failedDeploymentStatuses, finishedDeploymentStatuses } from '../../api/schemas/hosting.js'
import type { WaitPolicy } from '../wait.js'

type Envelope = { deployment?: { uuid?: string; status?: string } }

/**
 * Deployments: poll GET hosting/deployments/{uuid} every 2 s (the docs advise 2 to 5 s) until the build ends;
 * `deployment get --wait-until-finished` resumes a wait.
 */
export const waitForDeployment: WaitPolicy = {
  noun: 'deployment',
  endpoint: getDeployment,
  uuidFrom: (started) => (started as Envelope)?.deployment?.uuid,
  statusOf: (result) => (result as Envelope)?.deployment?.status,
  intervalMs: 2000,
  terminal: finishedDeploymentStatuses,
  failed: failedDeploymentStatuses,
  resumeCommand: 'hosting deployment get --wait-until-finished',
}
