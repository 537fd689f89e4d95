package client

// The Once is declared in client.go: other files of the package are resolved.
func named() {
	clientOnce.Do(initClient) // want "SL002: clientOnce.Do sets package-level client in the function initClient at its first use, not at startup, and reads input and decodes data then \\(os.ReadFile in newClient"
	clientOnce.Do(initLocal)
	clientOnce.Do(initElsewhere) // want "SL002: package-level shared in the function initElsewhere .*reads input then \\(filepath.WalkDir\\)"
}

func initClient() {
	client = newClient()
}

func initLocal() {
	c := &Client{}
	c.cache = map[string]string{}
}
