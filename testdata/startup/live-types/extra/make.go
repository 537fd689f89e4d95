package extra

import "example.com/livetypes/client"

func Make() client.Modifier { return &Extra{} }
