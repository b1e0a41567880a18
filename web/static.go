package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

//go:embed static
var staticFS embed.FS

// staticFiles serves the embedded CSS, JavaScript and images under content-hashed names
// (app.css → app.3f9a1c2b7d.css), so that they can be cached for a year.
type staticFiles struct {
	byName map[string]string // "app.css" → "/static/app.3f9a1c2b7d.css"
	byHash map[string][]byte // "app.3f9a1c2b7d.css" → content
}

func loadStatic() (*staticFiles, error) {
	sf := &staticFiles{byName: map[string]string{}, byHash: map[string][]byte{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		name := path.Base(p)
		ext := path.Ext(name)
		hashed := strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
		sf.byName[name] = "/static/" + hashed
		sf.byHash[hashed] = b
		return nil
	})
	return sf, err
}

// URL returns the hashed URL of a static file; it panics on an unknown name so that a typo
// in a template fails every test that renders it.
func (sf *staticFiles) URL(name string) string {
	u, ok := sf.byName[name]
	if !ok {
		panic(fmt.Sprintf("web: no static file %q", name))
	}
	return u
}

func (s *server) serveStatic(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("file")
	b, ok := s.static.byHash[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	ct := mime.TypeByExtension(path.Ext(name))
	if ct == "" {
		ct = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(b))
}
