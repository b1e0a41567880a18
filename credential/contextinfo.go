package credential

import (
	"encoding/json"
	"strings"

	"github.com/pokot/pokot/credential/jsonld"
)

// knownContexts describes the top-level terms of every context embedded in package jsonld,
// read from the context documents themselves once at start-up.
var knownContexts = func() map[string]contextInfo {
	m := map[string]contextInfo{}
	for _, url := range jsonld.ContextURLs() {
		b, _ := jsonld.ContextDocument(url)
		if info, ok := readContextInfo(b); ok {
			m[url] = info
		}
	}
	return m
}()

// readContextInfo reads a context document's top-level @context (an object, or an array
// whose objects are merged; contexts it imports by URL are not followed): whether it sets
// @vocab and @protected, and each term's IRI with compact IRIs (prefix:suffix) expanded by
// the prefixes the same context defines.
func readContextInfo(b []byte) (contextInfo, bool) {
	var doc struct {
		Context any `json:"@context"`
	}
	if json.Unmarshal(b, &doc) != nil {
		return contextInfo{}, false
	}
	c := map[string]any{}
	for _, part := range asList(doc.Context) {
		if obj, ok := part.(map[string]any); ok {
			for k, v := range obj {
				c[k] = v
			}
		}
	}
	if len(c) == 0 {
		return contextInfo{}, false
	}
	info := contextInfo{terms: map[string]string{}}
	_, info.vocab = c["@vocab"]
	info.protected, _ = c["@protected"].(bool)
	for term, v := range c {
		if strings.HasPrefix(term, "@") {
			continue
		}
		if iri := termIRI(v); iri != "" {
			info.terms[term] = expandCompact(c, iri)
		}
	}
	return info, true
}

// expandCompact expands prefix:suffix when prefix is a term of c mapped to a string IRI.
func expandCompact(c map[string]any, iri string) string {
	prefix, suffix, ok := strings.Cut(iri, ":")
	if !ok || strings.HasPrefix(suffix, "//") {
		return iri
	}
	if base, ok := c[prefix].(string); ok {
		return base + suffix
	}
	return iri
}
