package embedded

import "embed"

// Files the build embeds once go generate has copied them in: the tree does not hold them
// (they are kept out of git), so they are sized by what is copied.
//
//go:generate cp assets/big.json copied/catalog.json
//go:generate cp assets/small.txt copied/
//go:generate cp -f assets/absent.json copied/absent.json
//go:embed copied/*
var copied embed.FS

func init() {
	_, _ = copied.ReadFile("copied/small.txt") // 12 bytes, below min-embedded-bytes
}

func init() {
	_, _ = copied.ReadFile("copied/catalog.json") // want `SL001: \(embed.FS\).ReadFile in func init copies 'copied/catalog.json' \(8 KB\) from copied onto the heap`
}

func init() {
	_, _ = copied.ReadFile("copied/absent.json") // copied from a file the tree does not hold either: size unknown
}
