// The system-of-record endpoint table (to be filled).
export {}
