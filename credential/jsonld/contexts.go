package jsonld

import (
	"embed"
	"encoding/json"
	"fmt"
	"path"
	"sort"
)

// contextFS holds the published JSON-LD context documents and index.json,
// which maps each context URL to its file (see contexts/PROVENANCE.md).
//
//go:embed contexts
var contextFS embed.FS

// embeddedContexts maps context URLs to their raw bytes.
var embeddedContexts = mustLoadContexts()

func mustLoadContexts() map[string][]byte {
	idx, err := contextFS.ReadFile("contexts/index.json")
	if err != nil {
		panic(err)
	}
	var files map[string]string
	if err := json.Unmarshal(idx, &files); err != nil {
		panic(fmt.Sprintf("jsonld: contexts/index.json: %v", err))
	}
	out := make(map[string][]byte, len(files))
	for url, file := range files {
		b, err := contextFS.ReadFile(path.Join("contexts", file))
		if err != nil {
			panic(fmt.Sprintf("jsonld: context %s: %v", url, err))
		}
		out[url] = b
	}
	return out
}

// ContextURLs returns the URLs of the embedded contexts, sorted.
func ContextURLs() []string {
	urls := make([]string, 0, len(embeddedContexts))
	for u := range embeddedContexts {
		urls = append(urls, u)
	}
	sort.Strings(urls)
	return urls
}

// ContextDocument returns the embedded bytes of the context published at
// url, and whether it is embedded.
func ContextDocument(url string) ([]byte, bool) {
	b, ok := embeddedContexts[url]
	return b, ok
}
