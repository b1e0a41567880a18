package exchange_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/exchange"
)

// TestEveryKeyHasThreeLanguages finds every err.csv.* and err.exchange.* key in the
// package's code and requires its text in Finnish, Swedish and English.
func TestEveryKeyHasThreeLanguages(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	re := regexp.MustCompile(`"(err\.(?:csv|exchange)\.[a-z0-9_]+)"`)
	found := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || f == "messages.go" {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			found++
			for _, l := range pokot.Langs {
				if strings.TrimSpace(exchange.Messages[m[1]][l]) == "" {
					t.Errorf("%s: %s has no %s text", f, m[1], l)
				}
			}
		}
	}
	if found < 20 {
		t.Errorf("found only %d keys", found)
	}
}

func TestLocalize(t *testing.T) {
	e := &pokot.Error{Code: pokot.EINVALID, Field: "row 4, column workload_unit", Key: "err.mc.unit_required", Message: "row 4, column workload_unit: give the unit"}
	if got := exchange.Localize(e, pokot.Finnish); got != "Rivi 4, sarake workload_unit: give the unit" {
		t.Errorf("fi: %q", got)
	}
	e = &pokot.Error{Code: pokot.EINVALID, Field: "row 1, column nimi_fi", Key: "err.csv.unknown_column", Message: "…"}
	if got := exchange.Localize(e, pokot.Swedish); got != "Rad 1, kolumn nimi_fi: Okänd kolumn. Se kolumnnamnen i anvisningen." {
		t.Errorf("sv: %q", got)
	}
	e = &pokot.Error{Code: pokot.EINVALID, Field: "file", Key: "err.csv.no_rows"}
	if got := exchange.Localize(e, pokot.English); got != "The file has a header but no descriptions." {
		t.Errorf("en: %q", got)
	}
}
