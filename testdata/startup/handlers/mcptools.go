package main

import (
	"context"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
)

// An MCP server's tools run per tool call, after startup (coroot registers its API's so).
func mcpTools(s *server.MCPServer) {
	s.AddTool(mcp.NewTool("list"), func(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
		onlyTool(nil)
		return nil, nil
	})
}

func onlyTool(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
