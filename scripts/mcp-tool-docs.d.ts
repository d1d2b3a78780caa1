import type { ToolDefinition } from '../src/mcp/tool.js'

export declare const TABLE_START: string
export declare const TABLE_END: string
export declare function renderMcpToolTable(tools: readonly ToolDefinition[]): string
export declare function withMcpToolTable(readme: string, tools: readonly ToolDefinition[]): string
