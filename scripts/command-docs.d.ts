export function renderCommandDocs(manifest: unknown): string
