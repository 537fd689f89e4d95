package client

import gosync "sync"

var (
	aliasOnce  gosync.Once
	ptrOnce    = &gosync.Once{}
	newOnce    = new(gosync.Once)
	literalOne = gosync.Once{}
)

func aliased() {
	aliasOnce.Do(func() { client = newClient() })  // want "SL002: aliasOnce.Do"
	ptrOnce.Do(func() { client = newClient() })    // want "SL002: ptrOnce.Do"
	newOnce.Do(func() { client = newClient() })    // want "SL002: newOnce.Do"
	literalOne.Do(func() { client = newClient() }) // want "SL002: literalOne.Do"
}
