package config

import (
	"encoding/json"
	htmltemplate "html/template"
	"io"
	"net/http"
	re "regexp"
	"text/template"
)

var routePattern = re.MustCompile(`^/api/v[0-9]+/`) // compilations are counted per package (see compiles/)

var (
	posix        = re.MustCompilePOSIX(`[[:alpha:]]+`) // compilations are counted per package (see compiles/)
	compiled, _  = re.Compile(`x+`)                    // compilations are counted per package (see compiles/)
	page         = template.Must(template.New("page").Parse("<p>{{.}}</p>")) // compilations are counted per package (see compiles/)
	layout       = htmltemplate.Must(htmltemplate.ParseFiles("layout.html"))   // compilations are counted per package (see compiles/)
	footer, _    = template.New("footer").Funcs(nil).Parse("{{.}}")          // compilations are counted per package (see compiles/)
	header       = template.New("header")
	quotedPrefix = "/api/"
)

// An immediately-invoked function literal runs during initialization: its work is one
// finding, the read and the decode related locations.
var defaults = func() Settings {
	var s Settings
	resp, err := http.Get("http://config-service/defaults") // want "SL001: http.Get in a package-level var initializer makes a network request.*\\(2 more in this declaration: related locations\\)"
	if err != nil {
		return s
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	_ = json.Unmarshal(body, &s)
	return s
}()

// A stored function literal does not run until someone calls it.
var loadDefaults = func() Settings {
	var s Settings
	resp, _ := http.Get("http://config-service/defaults")
	body, _ := io.ReadAll(resp.Body)
	_ = json.Unmarshal(body, &s)
	return s
}

// Functions passed as arguments are not run by initialization either.
var handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	_ = re.MustCompile(string(body))
})

var fetched = func() int {
	req, _ := http.NewRequest("GET", "http://config-service/", nil)
	resp, _ := http.DefaultClient.Do(req) // want "SL001: \\(\\*http.Client\\).Do in a package-level var initializer makes a network request"
	return resp.StatusCode
}()

var posted = func() error {
	client := &http.Client{}
	_, err := client.Post("http://config-service/", "text/plain", nil) // want "SL001: \\(\\*http.Client\\).Post"
	return err
}()

func init() {
	_ = template.Must(header.Parse("{{.Title}}")) // compilations are counted per package (see compiles/)
	_, _ = header.Parse("{{.Body}}")               // compilations are counted per package (see compiles/)
	go func() {
		_, _ = http.Get("http://config-service/warmup") // a goroutine does not block initialization
	}()
	defer func() {
		_ = re.MustCompile(`late`) // compilations are counted per package (see compiles/)
	}()
}
