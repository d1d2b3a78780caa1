import { z } from 'zod'

/**
 * Faults that tests switch on in a served emulator, per route, through `POST /__emulator/faults`
 * (a JSON array replaces the list; `GET` lists them with their hit counts; `DELETE` clears them).
 * Like every control endpoint, it takes the emulator's token (`authorization: Bearer …`).
 * They act at the HTTP layer, where a real network fails: latency, an injected status (with
 * Retry-After), a body that is HTML, invalid JSON or cut short, a connection reset before the request is
 * handled or after (the work is done but the answer is lost).
 */
export const CONTROL_PREFIX = '/__emulator/'
export const FAULTS_PATH = `${CONTROL_PREFIX}faults`

export const faultSchema = z.object({
  method: z.string().optional(),
  /** an exact path such as /v1/orchestration/runs, or a prefix ending with * */
  path: z.string(),
  /** how many matching requests it affects (default: all of them) */
  times: z.int().positive().optional(),
  /** affect only every n-th matching request (1, the default, is every request) */
  every: z.int().positive().optional(),
  latencyMs: z.int().nonnegative().optional(),
  /** answer with this status without handling the request */
  status: z.int().min(100).max(599).optional(),
  retryAfter: z.string().optional(),
  /** the body of the injected answer, or of the real one when no status is given */
  body: z.enum(['json', 'html', 'invalidJson', 'empty']).optional(),
  reset: z.enum(['before', 'after']).optional(),
  /** send the real answer's headers and only half of its body, then close */
  truncate: z.boolean().optional(),
})
export type Fault = z.infer<typeof faultSchema>

interface ActiveFault extends Fault {
  matched: number
  hits: number
}

export class FaultTable {
  private faults: ActiveFault[] = []

  replace(faults: Fault[]): void {
    this.faults = faults.map((fault) => ({ ...fault, matched: 0, hits: 0 }))
  }

  list(): ActiveFault[] {
    return this.faults
  }

  /** The fault that applies to this request, counting it. */
  take(method: string, path: string): Fault | undefined {
    for (const fault of this.faults) {
      if (fault.method && fault.method.toUpperCase() !== method) continue
      const matches = fault.path.endsWith('*') ? path.startsWith(fault.path.slice(0, -1)) : path === fault.path
      if (!matches) continue
      fault.matched++
      if (fault.times !== undefined && fault.hits >= fault.times) continue
      if ((fault.matched - 1) % (fault.every ?? 1) !== 0) continue
      fault.hits++
      return fault
    }
    return undefined
  }
}

export function faultBody(kind: Fault['body']): { text: string; type: string } {
  switch (kind) {
    case 'html':
      return { text: '<html><body><h1>502 Bad Gateway</h1></body></html>', type: 'text/html' }
    case 'invalidJson':
      return { text: '{"errorMessage": "half', type: 'application/json' }
    case 'empty':
      return { text: '', type: 'application/json' }
    default:
      return { text: JSON.stringify({ errorMessage: 'Injected fault' }), type: 'application/json; charset=utf-8' }
  }
}
