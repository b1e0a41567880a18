package password_test

import (
	"bufio"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/password"
)

// cheap keeps unit tests fast; the Default parameters are measured by BenchmarkHash.
var cheap = password.Params{Memory: 256, Time: 1, Threads: 1, KeyLen: 32, SaltLen: 16}

func TestReferenceVectors(t *testing.T) {
	f, err := os.Open("testdata/argon2id.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		pw, hash, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			continue
		}
		n++
		if ok, err := password.Verify(pw, hash); err != nil || !ok {
			t.Errorf("Verify(%q, %s) = %v, %v; want true", pw, hash, ok, err)
		}
		if ok, _ := password.Verify(pw+"x", hash); ok {
			t.Errorf("Verify(%q+x) matched", pw)
		}
	}
	if n < 5 {
		t.Fatalf("only %d vectors read", n)
	}
}

func TestHashRoundTrip(t *testing.T) {
	h, err := password.HashWith("oikea hevonen akku niitti", cheap)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=256,t=1,p=1$") {
		t.Fatalf("hash %q", h)
	}
	if ok, err := password.Verify("oikea hevonen akku niitti", h); !ok || err != nil {
		t.Fatalf("Verify = %v, %v", ok, err)
	}
	if ok, err := password.Verify("oikea hevonen akku niittI", h); ok || err != nil {
		t.Fatalf("wrong password: Verify = %v, %v", ok, err)
	}
	h2, _ := password.HashWith("oikea hevonen akku niitti", cheap)
	if h == h2 {
		t.Fatal("two hashes of one password are equal: salt not random")
	}
	if !password.NeedsRehash(h) {
		t.Error("cheap hash should need rehash")
	}
}

func TestDefaultHash(t *testing.T) {
	h, err := password.Hash("kahdeksantoista merkkiä")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=65536,t=2,p=2$") || password.NeedsRehash(h) {
		t.Fatalf("hash %q", h)
	}
	if ok, _ := password.Verify("kahdeksantoista merkkiä", h); !ok {
		t.Fatal("default hash does not verify")
	}
}

func TestMalformed(t *testing.T) {
	for _, h := range []string{
		"", "x", "$argon2id$", "$argon2i$v=19$m=256,t=2,p=2$c29tZXNhbHQ$T/XOJ2mh1/TIpJHfCdQan76Q5esCFVoT5MAeIM1Oq2E",
		"$argon2id$v=16$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
		"$argon2id$v=19$m=0,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
		"$argon2id$v=19$m=99999999,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
		"$argon2id$v=19$m=256,t=2,p=0$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
		"$argon2id$v=19$m=256,t=2,p=1$!!!$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
		"$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$short",
		"$argon2id$v=19$m=256,t=2$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4",
	} {
		ok, err := password.Verify("password", h)
		if ok || !errors.Is(err, password.ErrMalformed) {
			t.Errorf("Verify(%q) = %v, %v; want false, ErrMalformed", h, ok, err)
		}
	}
}

func TestCheck(t *testing.T) {
	for _, c := range []struct {
		pw, email, key string
	}{
		{"lyhyt", "", "err.password_short"},
		{"12345678901", "", "err.password_short"},
		{"ääääääääääö", "", "err.password_short"}, // 11 runes, 22 bytes
		{"salasana1234", "", "err.password_common"},
		{"Salasana1234", "", "err.password_common"},
		{"qwertyuiop12", "", "err.password_common"},
		{"passwordpassword", "", "err.password_common"},
		{"123456789012", "", "err.password_common"},
		{"maija.meikalainen@example.fi", "maija.meikalainen@example.fi", "err.password_email"},
		{"Maija.Meikalainen", "maija.meikalainen@example.fi", "err.password_email"},
		{strings.Repeat("a", 1025), "", "err.password_long"},
		{"hevonen akku niitti", "maija@example.fi", ""},
		{"ääääääääääöö", "", "err.password_common"},
		{"            ", "", "err.password_common"},
		{"abababababababab", "", "err.password_common"},
		{"åäö åäö åäö 1", "", ""},
	} {
		err := password.Check(c.pw, c.email)
		if c.key == "" {
			if err != nil {
				t.Errorf("Check(%q) = %v; want nil", c.pw, err)
			}
			continue
		}
		var e *pokot.Error
		if !errors.As(err, &e) || e.Code != pokot.EINVALID || e.Key != c.key || e.Field != "password" {
			t.Errorf("Check(%q) = %#v; want key %s", c.pw, err, c.key)
		}
	}
}

func BenchmarkHash(b *testing.B) {
	for b.Loop() {
		if _, err := password.Hash("hevonen akku niitti"); err != nil {
			b.Fatal(err)
		}
	}
}
