// Package pb stands in for gRPC's generated code.
package pb

type Request struct{}

type ItemsServer interface{ GetItem(*Request) }

func RegisterItemsServer(s any, srv ItemsServer) {}
