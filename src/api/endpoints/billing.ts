// The billing endpoint table (to be filled).
export {}
