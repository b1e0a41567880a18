package key_test

import (
	"testing"

	"github.com/pokot/pokot/credential/key"
)

func BenchmarkResolveDIDKey(b *testing.B) {
	kp, _ := key.Generate()
	id := kp.VerificationMethodID()
	r := &key.Resolver{Offline: true}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.Resolve(b.Context(), id); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzDecodeMultikey(f *testing.F) {
	kp, _ := key.FromSeed(make([]byte, 32))
	f.Add(key.EncodePublic(kp.Public))
	f.Add(key.EncodeSecret(kp.Private))
	f.Add("zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169")
	f.Fuzz(func(t *testing.T, s string) {
		pub, err := key.DecodeMultikey(s)
		if err != nil {
			return
		}
		// Whatever decodes re-encodes to the same text.
		if again, err := key.EncodeMultikey(pub); err != nil || again != s {
			t.Fatalf("%q decoded but re-encodes as %q (%v)", s, again, err)
		}
		key.DecodeSecret(s)
	})
}
