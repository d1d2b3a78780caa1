// Loaded with `node --import`: reports the process's peak resident memory on stderr at exit.
process.on('exit', () => process.stderr.write(`peak-rss-kib ${process.resourceUsage().maxRSS}\n`))
