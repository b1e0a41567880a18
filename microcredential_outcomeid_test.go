package pokot_test

import (
	"testing"

	"github.com/pokot/pokot"
)

func TestNewOutcomeID(t *testing.T) {
	seen := map[string]bool{}
	for range 10000 {
		id := pokot.NewOutcomeID()
		if len(id) != 8 || !pokot.ValidOutcomeID(id) || seen[id] {
			t.Fatalf("ID %q (seen before: %v)", id, seen[id])
		}
		seen[id] = true
	}
	for _, bad := range []string{"", "a", "1abc", "Abc", "ab-c", "abcdefghijklmnopq", "ab c"} {
		if pokot.ValidOutcomeID(bad) {
			t.Errorf("ValidOutcomeID(%q)", bad)
		}
	}
}

func outcomes(ids ...string) *pokot.MicrocredentialContent {
	c := &pokot.MicrocredentialContent{}
	for i, id := range ids {
		c.Outcomes = append(c.Outcomes, pokot.LearningOutcome{ID: id, Text: pokot.Text{"fi": string(rune('A' + i))}})
	}
	return c
}

func TestAssignOutcomeIDs(t *testing.T) {
	prev := outcomes("aaaa", "bbbb", "cccc") // texts A, B, C
	c := &pokot.MicrocredentialContent{Outcomes: []pokot.LearningOutcome{
		{Text: pokot.Text{"fi": "C"}},             // same text as cccc: takes its ID
		{ID: "bbbb", Text: pokot.Text{"fi": "X"}}, // keeps its own
		{Text: pokot.Text{"fi": "B"}},             // B's ID is taken by the row above: new
		{Text: pokot.Text{"fi": "C"}},             // cccc already taken: new
		{},                                        // empty: new
	}}
	pokot.AssignOutcomeIDs(c, prev)
	got := []string{}
	for _, o := range c.Outcomes {
		got = append(got, o.ID)
	}
	if got[0] != "cccc" || got[1] != "bbbb" {
		t.Fatalf("IDs %v", got)
	}
	seen := map[string]bool{}
	for _, id := range got {
		if !pokot.ValidOutcomeID(id) || seen[id] {
			t.Fatalf("IDs %v", got)
		}
		seen[id] = true
	}
	if err := pokot.CheckOutcomeIDs(c); err != nil {
		t.Fatal(err)
	}
	c = outcomes("aaaa", "", "aaaa", "B!")
	es, ok := pokot.CheckOutcomeIDs(c).(pokot.Errors)
	if !ok || len(es) != 2 || es[0].Field != "outcomes[2].id" || es[1].Field != "outcomes[3].id" || es[0].Key != "err.mc.outcome_id" {
		t.Fatalf("CheckOutcomeIDs: %v", es)
	}
}

func TestLegacyOutcomeIDs(t *testing.T) {
	c := outcomes("", "", "")
	pokot.LegacyOutcomeIDs(c)
	if c.Outcomes[0].ID != "n0" || c.Outcomes[2].ID != "n2" || c.OutcomeIndex("n1") != 1 || c.OutcomeIndex("n3") != -1 {
		t.Fatalf("%+v", c.Outcomes)
	}
	c = outcomes("", "abcd")
	pokot.LegacyOutcomeIDs(c) // stored by a version that assigns IDs: left alone
	if c.Outcomes[0].ID != "" {
		t.Fatalf("%+v", c.Outcomes)
	}
}

func TestParseOutcomeAnchor(t *testing.T) {
	tests := []struct {
		in        string
		id        string
		index     int
		rest      string
		ok        bool
		roundTrip string
	}{
		{"outcomes[k3x9ab2c].criteria", "k3x9ab2c", -1, ".criteria", true, "outcomes[k3x9ab2c].criteria"},
		{"outcomes[k3x9ab2c]", "k3x9ab2c", -1, "", true, "outcomes[k3x9ab2c]"},
		{"outcomes[2].text.sv", "n2", 2, ".text.sv", true, "outcomes[n2].text.sv"},
		{"outcomes", "", -1, "", false, ""},
		{"title", "", -1, "", false, ""},
		{"outcomes[2].text.sv.x", "", -1, "", false, ""},
		{"outcomes[K3].text", "", -1, "", false, ""},
		{"outcomes[1234].text", "", -1, "", false, ""},
	}
	for _, tt := range tests {
		id, index, rest, ok := pokot.ParseOutcomeAnchor(tt.in)
		if id != tt.id || index != tt.index || rest != tt.rest || ok != tt.ok {
			t.Errorf("ParseOutcomeAnchor(%q) = %q %d %q %v", tt.in, id, index, rest, ok)
		}
		if ok {
			if got := pokot.OutcomeAnchor(id, trimDot(rest)); got != tt.roundTrip {
				t.Errorf("OutcomeAnchor = %q, want %q", got, tt.roundTrip)
			}
		}
	}
}

func trimDot(s string) string {
	if len(s) > 0 && s[0] == '.' {
		return s[1:]
	}
	return s
}
