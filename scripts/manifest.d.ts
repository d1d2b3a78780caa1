export function generateManifest(root: string): Promise<{ commands: Record<string, unknown>; version: string }>
export function serializeManifest(manifest: unknown): string
