export function typescriptFiles(folder: string): string[]
export function relativeSpecifiers(source: string): string[]
export function importGraph(folders: string[]): Map<string, string[]>
export function findCycles(graph: Map<string, string[]>): string[][]
export function describeCycle(cycle: string[]): string
