/** The userManagement domain of the emulator: the signed-in person (users themselves are seeded with the workspace). */
export { userManagementHandlers } from './handlers.js'
