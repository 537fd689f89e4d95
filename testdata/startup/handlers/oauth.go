package main

import (
	"net/http"

	"github.com/zitadel/oidc/v3/pkg/client/rp"
	"github.com/zitadel/oidc/v3/pkg/oidc"
)

type provider struct{ party rp.RelyingParty }

// The relying party builds the OAuth callback's handler around the function a method returns
// (zrok's GitHub login): that function runs per callback, not when the route is registered.
func (p *provider) routes(router *http.ServeMux) {
	router.Handle("/auth/callback", rp.CodeExchangeHandler(p.login(), p.party))
}

func (p *provider) login() func(http.ResponseWriter, *http.Request, *oidc.Tokens[*oidc.IDTokenClaims], string, rp.RelyingParty) {
	return func(w http.ResponseWriter, r *http.Request, tokens *oidc.Tokens[*oidc.IDTokenClaims], state string, party rp.RelyingParty) {
		_ = onlyCallback(nil)
	}
}

func onlyCallback(in []string) []string {
	var out []string
	for _, x := range in {
		out = append(out, x)
	}
	return out
}
