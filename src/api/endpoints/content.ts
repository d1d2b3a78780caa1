// The content endpoint table (to be filled).
export {}
