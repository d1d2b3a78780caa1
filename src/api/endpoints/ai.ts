// The ai endpoint table (to be filled).
export {}
