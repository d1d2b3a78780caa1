// The storage endpoint table (to be filled).
export {}
