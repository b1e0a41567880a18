package pokot

import "strings"

// NormalizeBusinessID checks a Finnish business ID (Y-tunnus) and returns it in the form
// 1234567-8. The check digit is 11 − (Σ digit×weight mod 11) with the weights 7 9 10 5 8 4 2
// (0 when the remainder is 0; a remainder of 1 is never issued). Old six-digit IDs get a
// leading zero. EINVALID (field "business_id", key "err.business_id").
func NormalizeBusinessID(s string) (string, error) {
	if id, ok := normalizeBusinessID(s); ok {
		return id, nil
	}
	return "", FieldError("business_id", "err.business_id", "not a valid Finnish business ID (1234567-8)")
}

// ValidBusinessID reports whether s is a well-formed Finnish business ID with a correct
// check digit.
func ValidBusinessID(s string) bool {
	_, ok := normalizeBusinessID(s)
	return ok
}

func normalizeBusinessID(s string) (string, bool) {
	body, check, ok := strings.Cut(strings.TrimSpace(s), "-")
	if !ok || len(check) != 1 || check[0] < '0' || check[0] > '9' {
		return "", false
	}
	if len(body) == 6 {
		body = "0" + body
	}
	if len(body) != 7 {
		return "", false
	}
	weights := [7]int{7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := 0; i < 7; i++ {
		c := body[i]
		if c < '0' || c > '9' {
			return "", false
		}
		sum += int(c-'0') * weights[i]
	}
	want := 0
	switch rem := sum % 11; rem {
	case 0:
	case 1:
		return "", false
	default:
		want = 11 - rem
	}
	if int(check[0]-'0') != want {
		return "", false
	}
	return body + "-" + check, true
}
