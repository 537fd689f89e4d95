package setup

import (
	"example.com/livetypes/client"
	"example.com/livetypes/extra"
)

func All() []client.Modifier { return []client.Modifier{extra.Make()} }
