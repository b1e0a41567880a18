package status_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/pokot/pokot/credential/status"
)

func FuzzDecode(f *testing.F) {
	l, _ := status.New(0)
	l.Set(3, true)
	enc, _ := l.Encode()
	f.Add(enc)
	f.Add("uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA")
	f.Add("u")
	f.Fuzz(func(t *testing.T, s string) {
		l, err := status.Decode(s)
		if err != nil {
			return
		}
		if l.Len() < status.MinSize || l.Len() > status.MaxSize || l.Len()%8 != 0 {
			t.Fatalf("decoded list of %d entries", l.Len())
		}
		// A decoded list encodes and decodes to the same bits.
		again, err := l.Encode()
		if err != nil {
			t.Fatal(err)
		}
		back, err := status.Decode(again)
		if err != nil || string(back.Bytes()) != string(l.Bytes()) {
			t.Fatalf("re-encode round trip: %v", err)
		}
	})
}

// FuzzParseEntry feeds credentialStatus objects (as JSON) to ParseEntry: it must not
// panic, and an accepted entry keeps the Recommendation's rules — statusSize 1 to 8, and
// for more than one bit one message per value — and survives Map → ParseEntry unchanged.
func FuzzParseEntry(f *testing.F) {
	e, _ := status.NewMessageEntry("https://x.example/s/1", 7, 2, status.RevocationSuspensionMessages(), "https://x.example/ref")
	seed, _ := json.Marshal(e.Map())
	f.Add(string(seed))
	f.Add(`{"type":"BitstringStatusListEntry","statusPurpose":"revocation","statusListIndex":"5","statusListCredential":"https://x.example/s/1"}`)
	f.Add(`{"type":"BitstringStatusListEntry","statusPurpose":"message","statusListIndex":"5","statusSize":1,"statusMessage":[{"status":"0x0","message":"a"},{"status":"0x1","message":"b"}],"statusListCredential":"u"}`)
	f.Fuzz(func(t *testing.T, s string) {
		var v any
		if json.Unmarshal([]byte(s), &v) != nil {
			return
		}
		e, err := status.ParseEntry(v)
		if err != nil {
			return
		}
		if e.Size() < 1 || e.Size() > status.MaxStatusSize || (e.Size() > 1 && len(e.StatusMessage) != 1<<e.Size()) {
			t.Fatalf("accepted %+v", e)
		}
		b, _ := json.Marshal(e.Map())
		var m any
		json.Unmarshal(b, &m)
		back, err := status.ParseEntry(m)
		if err != nil || !reflect.DeepEqual(back, e) {
			t.Fatalf("round trip: %+v → %+v (%v)", e, back, err)
		}
	})
}
