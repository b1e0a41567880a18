package certificate

import (
	"strings"
	"testing"
)

func TestWrap(t *testing.T) {
	long := strings.Repeat("äbcdefghij", 500) // one 5,000-letter word
	text := "Osaat arvioida asiakkaan tarpeen hyvinvointiteknologialle ja ohjata häntä. " + long + " loppu\nuusi rivi"
	lines := wrap(text, false, 10, 200)
	if len(lines) < 100 {
		t.Fatalf("%d lines", len(lines))
	}
	for _, l := range lines {
		if w := textWidth(l, false, 10); w > 200 {
			t.Errorf("line %q is %.1f pt wide", l, w)
		}
	}
	if got := strings.Join(lines, ""); !strings.Contains(got, long) {
		t.Error("the long word lost letters")
	}
	if lines[len(lines)-1] != "uusi rivi" {
		t.Errorf("last line %q: the line break was not kept", lines[len(lines)-1])
	}
}

func TestWinAnsiAndLiteral(t *testing.T) {
	got := literal(winAnsi("Åsa (ä) \\ – 😀"))
	if want := `(\305sa \(\344\) \\ \226 ?)`; got != want {
		t.Errorf("literal = %s, want %s", got, want)
	}
	if got := textString("Åsa"); got != "<FEFF00C500730061>" {
		t.Errorf("textString = %s", got)
	}
}
