package main

import (
	"fmt"
	"net/http"

	"example.com/heavydep/small"
	"example.com/sl009/internal/cache"
	"example.com/sl009/internal/index"
	"example.com/sl009/internal/light"
	"example.com/sl009/internal/modest"
	"example.com/sl009/internal/slow"
	"example.com/sl009/internal/store"
)

// A service: --measure runs its packages' initialization in a test binary, which never
// calls main, so it need not exit.
func main() {
	fmt.Println(len(small.Names), cache.Size(), index.Len(), light.Name, modest.Len(), slow.Ready, store.Rows())
	http.ListenAndServe(":8080", nil)
}
