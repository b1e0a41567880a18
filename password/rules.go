package password

import (
	"bufio"
	_ "embed"
	"strings"
	"unicode/utf8"

	"github.com/pokot/pokot"
)

// MinLength is the shortest allowed password, in characters.
const MinLength = 12

// MaxLength bounds the input to the hash function, in bytes.
const MaxLength = 1024

//go:embed common.txt
var commonList string

// common holds the lower-cased common passwords of common.txt.
var common = func() map[string]bool {
	m := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(commonList))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		m[strings.ToLower(line)] = true
	}
	return m
}()

// IsCommon reports whether pw (case-insensitively) is on the embedded list of common passwords.
func IsCommon(pw string) bool { return common[strings.ToLower(strings.TrimSpace(pw))] }

// distinct counts the different characters of pw ("aaaaaaaaaaaa" and "abababababab" are
// long but trivial).
func distinct(pw string) int {
	seen := map[rune]bool{}
	for _, r := range strings.ToLower(pw) {
		seen[r] = true
	}
	return len(seen)
}

// Check applies the rules for a new password of the account email: at least MinLength
// characters, at most MaxLength bytes, not a common password (nor one of fewer than five
// different characters), and not the e-mail address
// (or its local part). The error is an EINVALID *pokot.Error for the field "password"
// with a UI catalog key.
func Check(pw, email string) error {
	switch {
	case utf8.RuneCountInString(pw) < MinLength:
		return pokot.FieldError("password", "err.password_short", "the password must be at least 12 characters")
	case len(pw) > MaxLength:
		return pokot.FieldError("password", "err.password_long", "the password is too long")
	case IsCommon(pw) || distinct(pw) < 5:
		return pokot.FieldError("password", "err.password_common", "the password is too common")
	}
	low := strings.ToLower(strings.TrimSpace(pw))
	email = strings.ToLower(strings.TrimSpace(email))
	if email != "" {
		local, _, _ := strings.Cut(email, "@")
		if low == email || low == local {
			return pokot.FieldError("password", "err.password_email", "the password must not be the e-mail address")
		}
	}
	return nil
}
