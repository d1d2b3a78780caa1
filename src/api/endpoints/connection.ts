// The connection endpoint table (to be filled).
export {}
