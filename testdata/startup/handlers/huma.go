package main

import (
	"context"

	"github.com/danielgtaylor/huma/v2"
)

type ledgerHandler struct{}

type listInput struct{}

type listOutput struct{}

// huma's operations run per request: registering one at startup does not run it.
func ledgerRoutes(api huma.API) {
	h := &ledgerHandler{}
	huma.Register(api, huma.Operation{Method: "GET", Path: "/transactions"}, h.List)
	huma.Get(api, "/balances", h.Balances)
}

func (h *ledgerHandler) List(ctx context.Context, in *listInput) (*listOutput, error) {
	_ = onlyHumaRegister(nil)
	return nil, nil
}

func (h *ledgerHandler) Balances(ctx context.Context, in *listInput) (*listOutput, error) {
	_ = onlyHumaGet(nil)
	return nil, nil
}

func onlyHumaRegister(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}

func onlyHumaGet(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
