// The segmentation endpoint table (to be filled).
export {}
