package pokot_test

import (
	"testing"

	"github.com/pokot/pokot"
)

func TestSpreadsheetCell(t *testing.T) {
	for _, c := range []struct{ in, out string }{
		{"anna@example.fi", "anna@example.fi"},
		{"", ""},
		{"=cmd|'/c calc'!a0@x.fi", "'=cmd|'/c calc'!a0@x.fi"},
		{"+358401234567@x.fi", "'+358401234567@x.fi"},
		{"-2+3@x.fi", "'-2+3@x.fi"},
		{"@SUM(1)", "'@SUM(1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"'=1@x.fi", "''=1@x.fi"}, // an address that itself begins with an apostrophe
		{"'plain", "''plain"},
	} {
		if got := pokot.SpreadsheetCell(c.in); got != c.out {
			t.Errorf("SpreadsheetCell(%q) = %q, want %q", c.in, got, c.out)
		}
		if back := pokot.FromSpreadsheetCell(pokot.SpreadsheetCell(c.in)); back != c.in {
			t.Errorf("FromSpreadsheetCell(SpreadsheetCell(%q)) = %q", c.in, back)
		}
	}
	// A cell that was never defused is read as it is.
	for _, s := range []string{"anna@example.fi", "'plain", "'", ""} {
		if got := pokot.FromSpreadsheetCell(s); got != s {
			t.Errorf("FromSpreadsheetCell(%q) = %q", s, got)
		}
	}
}
