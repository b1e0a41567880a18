package web

import "strings"

// normalizeBusinessID checks a Finnish business ID (Y-tunnus) and returns it in the form
// 1234567-8. The check digit is 11 − (Σ digit×weight mod 11) with weights 7 9 10 5 8 4 2
// (0 when the remainder is 0; a remainder of 1 is never issued). Old six-digit IDs get a
// leading zero.
func normalizeBusinessID(s string) (string, bool) {
	s = strings.TrimSpace(s)
	body, check, ok := strings.Cut(s, "-")
	if !ok || len(check) != 1 {
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
	for i, c := range body {
		if c < '0' || c > '9' {
			return "", false
		}
		sum += int(c-'0') * weights[i]
	}
	c := check[0]
	if c < '0' || c > '9' {
		return "", false
	}
	want := 0
	switch rem := sum % 11; rem {
	case 0:
	case 1:
		return "", false
	default:
		want = 11 - rem
	}
	if int(c-'0') != want {
		return "", false
	}
	return body + "-" + check, true
}
