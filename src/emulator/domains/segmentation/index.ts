/** The segmentation domain of the emulator: segments over a model's records and their changes. */
export { segmentationHandlers } from './handlers.js'
export { SEGMENTATION_SEED, segmentationDocs } from './seed.js'
