package decoded

import _ "embed"

// Embedded here, decoded in genesis.go: the size still comes from the file.
//
//go:embed data/authenticators.json
var genesisJSON []byte
