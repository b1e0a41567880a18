package status_test

import (
	"encoding/json"
	"errors"
	"os"
	"regexp"
	"testing"
	"time"

	"github.com/pokot/pokot/credential/status"
)

// specMessageEntry reads the Recommendation's message-entry example without its "..."
// elisions; extra, when not empty, is added as the fourth statusMessage element.
func specMessageEntry(t *testing.T, extra string) map[string]any {
	t.Helper()
	b, err := os.ReadFile("testdata/bsl-example-vc-with-message-entry.txt")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	s = regexp.MustCompile(`,\s*\.\.\.\s*\]`).ReplaceAllString(s, extra+"]")
	s = regexp.MustCompile(`,\s*\.\.\.\s*\}`).ReplaceAllString(s, "}")
	var vc map[string]any
	if err := json.Unmarshal([]byte(s), &vc); err != nil {
		t.Fatalf("%v\n%s", err, s)
	}
	return vc["credentialStatus"].(map[string]any)
}

func TestSpecMessageEntry(t *testing.T) {
	// As printed, the example shows three messages; two bits have four values, and the
	// Recommendation requires one message per value.
	if _, err := status.ParseEntry(specMessageEntry(t, "")); !errors.Is(err, status.ErrMalformed) {
		t.Fatalf("three messages for statusSize 2: %v, want ErrMalformed", err)
	}
	e, err := status.ParseEntry(specMessageEntry(t, `, {"status":"0x3", "message":"undefined"}`))
	if err != nil {
		t.Fatal(err)
	}
	if e.StatusPurpose != "message" || e.Size() != 2 || len(e.StatusMessage) != 4 ||
		e.MessageOf(2) != "rejected" || e.MessageOf(0) != "pending_review" ||
		len(e.StatusReference) != 1 || e.StatusReference[0] != "https://example.org/status-dictionary/" {
		t.Fatalf("entry = %+v", e)
	}
	if idx, _ := e.Index(); idx != 492847 {
		t.Fatalf("index %d", idx)
	}
}

func TestParseMessageEntryRejects(t *testing.T) {
	good, err := status.NewMessageEntry("https://x.example/s/message/1", 7, 2, status.RevocationSuspensionMessages(), "https://x.example/status-values")
	if err != nil {
		t.Fatal(err)
	}
	asJSON := func(m map[string]any) map[string]any {
		b, _ := json.Marshal(m)
		var out map[string]any
		json.Unmarshal(b, &out)
		return out
	}
	if _, err := status.ParseEntry(asJSON(good.Map())); err != nil {
		t.Fatal(err)
	}
	mut := func(k string, v any) map[string]any {
		m := asJSON(good.Map())
		if v == nil {
			delete(m, k)
		} else {
			m[k] = v
		}
		return m
	}
	msgs := func(ss ...string) []any {
		var out []any
		for _, s := range ss {
			out = append(out, map[string]any{"status": s, "message": "m"})
		}
		return out
	}
	for name, v := range map[string]any{
		"no statusMessage":       mut("statusMessage", nil),
		"statusSize 0":           mut("statusSize", 0.0),
		"statusSize 1.5":         mut("statusSize", 1.5),
		"statusSize string":      mut("statusSize", "2"),
		"statusSize 9":           mut("statusSize", 9.0),
		"three messages":         mut("statusMessage", msgs("0x0", "0x1", "0x2")),
		"five messages":          mut("statusMessage", msgs("0x0", "0x1", "0x2", "0x3", "0x4")),
		"value twice":            mut("statusMessage", msgs("0x0", "0x1", "0x2", "0x2")),
		"value too large":        mut("statusMessage", msgs("0x0", "0x1", "0x2", "0x4")),
		"no 0x prefix":           mut("statusMessage", msgs("0", "1", "2", "3")),
		"not an array":           mut("statusMessage", "valid"),
		"element without text":   mut("statusMessage", []any{map[string]any{"status": "0x0"}, map[string]any{"status": "0x1", "message": "a"}, map[string]any{"status": "0x2", "message": "b"}, map[string]any{"status": "0x3", "message": "c"}}),
		"reference not URL list": mut("statusReference", 5.0),
	} {
		if _, err := status.ParseEntry(v); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if _, err := status.NewMessageEntry("https://x.example/s/1", 1, 2, status.RevocationSuspensionMessages()[:3], ""); !errors.Is(err, status.ErrMalformed) {
		t.Errorf("NewMessageEntry with three messages: %v", err)
	}
}

// TestMessageListCredential builds a "message" status list credential of two-bit entries
// and reads each value back through an entry, as a verifier does.
func TestMessageListCredential(t *testing.T) {
	const url = "https://pokot.example/orgs/o/status/message/1"
	l, _ := status.NewSized(0, 2)
	l.SetValue(10, status.ValueSuspended)
	l.SetValue(11, status.ValueRevoked)
	l.SetValue(12, 3)
	m, err := status.NewListCredential(url, "did:example:o", status.PurposeMessage, l, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if p := m["credentialSubject"].(map[string]any)["statusPurpose"]; p != "message" {
		t.Fatalf("statusPurpose %v", p)
	}
	b, _ := json.Marshal(m)
	var doc map[string]any
	json.Unmarshal(b, &doc)
	lc, err := status.ParseListCredential(doc)
	if err != nil {
		t.Fatal(err)
	}
	for idx, want := range map[int]string{9: "valid", 10: "suspended", 11: "revoked", 12: "revoked", 131071: "valid"} {
		e, _ := status.NewMessageEntry(url, idx, 2, status.RevocationSuspensionMessages(), "")
		eb, _ := json.Marshal(e.Map())
		var em any
		json.Unmarshal(eb, &em)
		pe, err := status.ParseEntry(em)
		if err != nil {
			t.Fatal(err)
		}
		_, msg, err := lc.Status(pe)
		if err != nil || msg != want {
			t.Fatalf("Status(%d) = %q, %v; want %q", idx, msg, err, want)
		}
	}
	// A one-bit revocation entry pointing at the message list is refused: purposes differ.
	rev, _ := status.NewEntry(url, status.PurposeRevocation, 11)
	if _, _, err := lc.Status(rev); !errors.Is(err, status.ErrPurposeMismatch) {
		t.Fatalf("revocation entry on a message list: %v", err)
	}
	// An entry whose statusSize does not fit the bitstring is a range error.
	wide, _ := status.NewMessageEntry(url, 131071, 3, append(status.RevocationSuspensionMessages(),
		status.Message{Status: "0x4", Message: "a"}, status.Message{Status: "0x5", Message: "b"},
		status.Message{Status: "0x6", Message: "c"}, status.Message{Status: "0x7", Message: "d"}), "")
	if _, _, err := lc.Status(wide); !errors.Is(err, status.ErrRange) {
		t.Fatalf("entry past the end: %v", err)
	}
}
