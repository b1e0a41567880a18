package credential_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/pokot/pokot/credential"
)

// A POK credential signed by Digital Bazaar's JavaScript stack verifies
// here, and signing the same input with the same key and time here gives
// the same proofValue (see testdata/interop/README.md).
func TestInteropDigitalBazaar(t *testing.T) {
	js, err := os.ReadFile("testdata/interop/js-signed-pok.json")
	if err != nil {
		t.Fatal(err)
	}
	v := &credential.Verifier{Now: at("2027-01-01T00:00:00Z")}
	if r := v.Verify(context.Background(), "js", js); !r.Verified {
		t.Fatalf("JavaScript-signed credential: %+v", r.Failed())
	}
	want := readJSON(t, "testdata/interop/js-signed-pok.json")["proof"].(map[string]any)
	created, _ := time.Parse(time.RFC3339, want["created"].(string))
	got, err := credential.Sign(readJSON(t, "testdata/interop/pok-unsigned.json"), mustKey(t, w3cSeed), credential.SignOptions{Created: created})
	if err != nil {
		t.Fatal(err)
	}
	if pv := got["proof"].(map[string]any)["proofValue"]; pv != want["proofValue"] {
		t.Errorf("proofValue %v, JavaScript gave %v", pv, want["proofValue"])
	}
}
