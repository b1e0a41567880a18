package status_test

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot/credential/status"
)

func load(t *testing.T, name string) map[string]any {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestDecodeSpecExample(t *testing.T) {
	cred := load(t, "bsl-example-status-list-credential.json")
	enc := cred["credentialSubject"].(map[string]any)["encodedList"].(string)
	if !strings.HasPrefix(enc, "u") {
		t.Fatalf("the Recommendation's example has a multibase 'u' prefix: %q", enc)
	}
	for _, s := range []string{enc, strings.TrimPrefix(enc, "u")} {
		l, err := status.Decode(s)
		if err != nil {
			t.Fatal(err)
		}
		if l.Len() != 131072 {
			t.Fatalf("Len = %d, want 131072", l.Len())
		}
		for i, b := range l.Bytes() {
			if b != 0 {
				t.Fatalf("byte %d = %x, the example list is all zero", i, b)
			}
		}
	}
}

func TestCheckSpecExample(t *testing.T) {
	list := load(t, "bsl-example-status-list-credential.json")
	vc := load(t, "bsl-example-vc-with-revocation-and-suspension-entries.json")
	entries := vc["credentialStatus"].([]any)
	rev, err := status.ParseEntry(entries[0])
	if err != nil {
		t.Fatal(err)
	}
	if idx, _ := rev.Index(); idx != 94567 || rev.StatusPurpose != "revocation" {
		t.Fatalf("entry = %+v", rev)
	}
	revoked, err := status.Check(rev, list)
	if err != nil || revoked {
		t.Fatalf("Check = %v, %v; want not revoked", revoked, err)
	}
	// The suspension entry points to another list: refused, not silently "valid".
	susp, err := status.ParseEntry(entries[1])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := status.Check(susp, list); err == nil {
		t.Fatal("Check accepted an entry of another status list")
	}
	// Same list URL, but a revocation list asked about suspension.
	susp.StatusListCredential = rev.StatusListCredential
	if _, err := status.Check(susp, list); !errors.Is(err, status.ErrPurposeMismatch) {
		t.Fatalf("purpose mismatch: err = %v", err)
	}
	// Index past the end of the list.
	rev.StatusListIndex = "131072"
	if _, err := status.Check(rev, list); !errors.Is(err, status.ErrRange) {
		t.Fatalf("out of range: err = %v", err)
	}
}

func TestBitOrderMSBFirst(t *testing.T) {
	l, err := status.New(0)
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{0, 9, 131071} {
		if err := l.Set(i, true); err != nil {
			t.Fatal(err)
		}
	}
	b := l.Bytes()
	if b[0] != 0x80 || b[1] != 0x40 || b[len(b)-1] != 0x01 {
		t.Fatalf("bytes %x %x … %x; index 0 must be the high bit of byte 0", b[0], b[1], b[len(b)-1])
	}
	if err := l.Set(9, false); err != nil {
		t.Fatal(err)
	}
	if got, _ := l.Get(9); got {
		t.Fatal("Set(9, false) did not clear the bit")
	}
	if err := l.Set(131072, true); !errors.Is(err, status.ErrRange) {
		t.Fatalf("Set past the end: %v", err)
	}
	if _, err := l.Get(-1); !errors.Is(err, status.ErrRange) {
		t.Fatalf("Get(-1): %v", err)
	}
}

func TestEncodeRoundTrip(t *testing.T) {
	l, _ := status.New(200000)
	if l.Len() != 200000 {
		t.Fatalf("Len = %d", l.Len())
	}
	set := []int{1, 7, 8, 94567, 199999}
	for _, i := range set {
		l.Set(i, true)
	}
	enc, err := l.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(enc, "u") || strings.ContainsAny(enc, "+/=") {
		t.Fatalf("encodedList %q is not multibase base64url without padding", enc[:20])
	}
	got, err := status.Decode(enc)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), l.Bytes()) {
		t.Fatal("round trip changed the bits")
	}
}

func gzipB64(t *testing.T, raw []byte) string {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(raw)
	zw.Close()
	return "u" + base64.RawURLEncoding.EncodeToString(buf.Bytes())
}

func TestDecodeRejects(t *testing.T) {
	bomb := gzipB64(t, make([]byte, status.MaxSize/8+1))
	if len(bomb) > 100000 {
		t.Fatalf("bomb is %d characters; the test wants a small input", len(bomb))
	}
	cases := map[string]struct {
		in   string
		want error
	}{
		"gzip bomb":   {bomb, status.ErrListTooLarge},
		"too short":   {gzipB64(t, make([]byte, 1024)), status.ErrListTooShort},
		"not base64":  {"u!!!!", status.ErrMalformed},
		"std base64":  {"uH4sI+/AAA", status.ErrMalformed},
		"not gzip":    {"u" + base64.RawURLEncoding.EncodeToString([]byte("hello world")), status.ErrMalformed},
		"empty":       {"", status.ErrMalformed},
		"huge string": {"u" + strings.Repeat("A", 9<<20), status.ErrListTooLarge},
	}
	for name, c := range cases {
		if _, err := status.Decode(c.in); !errors.Is(err, c.want) {
			t.Errorf("%s: err = %v, want %v", name, err, c.want)
		}
	}
}

func TestNewRejectsSmallLists(t *testing.T) {
	if _, err := status.New(1000); !errors.Is(err, status.ErrListTooShort) {
		t.Fatalf("New(1000): %v", err)
	}
}

func TestListCredentialBuilder(t *testing.T) {
	l, _ := status.New(0)
	l.Set(42, true)
	from := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	cred, err := status.NewListCredential("https://pokot.example/status/1", "did:web:pokot.example", status.PurposeSuspension, l, from)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(cred)
	var m map[string]any
	json.Unmarshal(b, &m)
	subj := m["credentialSubject"].(map[string]any)
	if m["validFrom"] != "2026-01-02T03:04:05Z" || subj["type"] != "BitstringStatusList" ||
		subj["statusPurpose"] != "suspension" || subj["id"] != "https://pokot.example/status/1#list" {
		t.Fatalf("credential = %s", b)
	}
	for _, idx := range []int{42, 43} {
		e, err := status.NewEntry("https://pokot.example/status/1", status.PurposeSuspension, idx)
		if err != nil {
			t.Fatal(err)
		}
		// Through JSON, as a verifier sees it.
		eb, _ := json.Marshal(e.Map())
		var em any
		json.Unmarshal(eb, &em)
		pe, err := status.ParseEntry(em)
		if err != nil {
			t.Fatal(err)
		}
		if pe.StatusListIndex != strconvItoa(idx) || pe.ID != "https://pokot.example/status/1#"+strconvItoa(idx) {
			t.Fatalf("entry = %+v", pe)
		}
		got, err := status.Check(pe, m)
		if err != nil || got != (idx == 42) {
			t.Fatalf("Check(%d) = %v, %v", idx, got, err)
		}
	}
	if _, err := status.NewListCredential("x", "y", "refresh", l, from); !errors.Is(err, status.ErrUnsupported) {
		t.Fatalf("purpose refresh: %v", err)
	}
}

func strconvItoa(i int) string { b, _ := json.Marshal(i); return string(b) }

func TestParseEntryRejects(t *testing.T) {
	good := map[string]any{
		"type": "BitstringStatusListEntry", "statusPurpose": "revocation",
		"statusListIndex": "5", "statusListCredential": "https://x.example/s/1",
	}
	mut := func(k string, v any) map[string]any {
		m := map[string]any{}
		for a, b := range good {
			m[a] = b
		}
		if v == nil {
			delete(m, k)
		} else {
			m[k] = v
		}
		return m
	}
	if _, err := status.ParseEntry(good); err != nil {
		t.Fatal(err)
	}
	for name, v := range map[string]any{
		"not object":    "x",
		"wrong type":    mut("type", "StatusList2021Entry"),
		"numeric index": mut("statusListIndex", 5.0),
		"negative":      mut("statusListIndex", "-1"),
		"leading zero":  mut("statusListIndex", "05"),
		"hex":           mut("statusListIndex", "0x5"),
		"no list":       mut("statusListCredential", nil),
		"status size 2": mut("statusSize", 2.0),
	} {
		if _, err := status.ParseEntry(v); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
