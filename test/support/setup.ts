import { afterAll, afterEach, beforeAll } from 'vitest'
import { resetApi, server } from './api-stub.js'

beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }))
afterEach(() => resetApi())
afterAll(() => server.close())
