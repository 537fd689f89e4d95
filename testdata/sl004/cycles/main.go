package main

import "github.com/spf13/viper"

func main() {
	ping(3)
	walk(nil)
}

func ping(n int) {
	if n > 0 {
		pong(n - 1)
	}
}

func pong(n int) {
	_ = viper.ReadInConfig() // want "SL004: .* main -> ping -> pong;"
	ping(n)
}

type node struct{ children []*node }

// walk recurses into itself; the search must still end.
func walk(n *node) {
	for _, c := range n.children {
		walk(c)
	}
	_ = viper.MergeInConfig() // want "SL004: .* main -> walk;"
}
