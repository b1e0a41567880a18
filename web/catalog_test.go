package web_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/i18n"
)

// keyUses finds catalog keys in templates ({{t "key"}}, (t "key"), fld … "label" "hint")
// and in Go code (string literals with a catalog prefix).
var (
	tmplKeyRE = regexp.MustCompile(`\(?\bt "([a-z0-9_.]+)"`)
	fldKeyRE  = regexp.MustCompile(`fld \S+ "[a-z0-9_]+" "[a-z]+" "([a-z0-9_.]+)" "([a-z0-9_.]*)"`)
	goKeyRE   = regexp.MustCompile(`"((?:err|flash|error|mail|nav|dash|org|members|profile|signin|password)\.[a-z0-9_.]+)"`)
)

// TestEveryUsedKeyExists: each key used by a template or by the web or password code is in
// all three catalogs; dynamic keys (roles, scopes, statuses, error codes) are listed here.
func TestEveryUsedKeyExists(t *testing.T) {
	t.Parallel()
	used := map[string]string{}
	add := func(k, where string) {
		if k != "" {
			used[k] = where
		}
	}
	files, _ := filepath.Glob("templates/*.html")
	more, _ := filepath.Glob("templates/pages/*.html")
	for _, f := range append(files, more...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range tmplKeyRE.FindAllStringSubmatch(string(b), -1) {
			add(m[1], f)
		}
		for _, m := range fldKeyRE.FindAllStringSubmatch(string(b), -1) {
			add(m[1], f)
			add(m[2], f)
		}
	}
	gos, _ := filepath.Glob("*.go")
	gos2, _ := filepath.Glob("../password/*.go")
	for _, f := range append(gos, gos2...) {
		if filepath.Base(f) == "catalog_test.go" {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range goKeyRE.FindAllStringSubmatch(string(b), -1) {
			add(m[1], f)
		}
	}
	for _, r := range pokot.Roles {
		add("role."+string(r), "roles")
		for _, s := range []string{"title", "text"} {
			add("dash.role."+string(r)+"."+s, "dashboard roles")
		}
	}
	for _, s := range []pokot.Scope{pokot.ScopeRead, pokot.ScopeWrite} {
		add("scope."+string(s), "scopes")
		add("scope."+string(s)+"_hint", "scopes")
	}
	for _, s := range []string{pokot.MailQueued, pokot.MailSent, pokot.MailFailed, pokot.MailOutbox} {
		add("outbox.status_"+s, "mail statuses")
	}
	for _, c := range []string{pokot.EINVALID, pokot.EUNAUTHORIZED, pokot.EFORBIDDEN, pokot.ENOTFOUND, pokot.ECONFLICT, pokot.ETOOMANY, pokot.ETOOLARGE, pokot.EINTERNAL} {
		add("error."+c+".title", "error codes")
		add("error."+c+".text", "error codes")
	}
	if len(used) < 150 {
		t.Fatalf("found only %d used keys: the scanner is broken", len(used))
	}
	for k, where := range used {
		for _, l := range pokot.Langs {
			if !i18n.Has(l, k) {
				t.Errorf("%s: key %q missing from the %s catalog", where, k, l)
			}
		}
	}
}
