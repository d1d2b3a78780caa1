export { run, flush, Config } from '@oclif/core'
