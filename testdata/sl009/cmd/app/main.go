package main

import (
	"fmt"

	"example.com/heavydep/small"
	"example.com/sl009/internal/cache"
	"example.com/sl009/internal/index"
	"example.com/sl009/internal/light"
	"example.com/sl009/internal/slow"
	"example.com/sl009/internal/store"
)

func main() {
	fmt.Println(len(small.Names), cache.Size(), index.Len(), light.Name, slow.Ready, store.Rows())
}
