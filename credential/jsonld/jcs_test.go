package jsonld

import (
	"encoding/json"
	"math"
	"testing"
)

// TestJCSNumbers uses the number serialization examples of RFC 8785
// (section 3.2.2.3 and appendix B).
func TestJCSNumbers(t *testing.T) {
	for _, c := range []struct {
		in   float64
		want string
	}{
		{0, "0"}, {math.Copysign(0, -1), "0"}, {1, "1"}, {-1, "-1"}, {4.50, "4.5"}, {2e-3, "0.002"},
		{1e30, "1e+30"}, {333333333.33333329, "333333333.3333333"}, {0.000001, "0.000001"},
		{0.0000001, "1e-7"}, {1e21, "1e+21"}, {1e20, "100000000000000000000"},
		{9007199254740992, "9007199254740992"}, {295147905179352830000, "295147905179352830000"},
		{5e-324, "5e-324"}, {1.7976931348623157e308, "1.7976931348623157e+308"},
		{-1.5e-10, "-1.5e-10"}, {123456789012345680000, "123456789012345680000"},
	} {
		got, err := JCS(c.in)
		if err != nil || string(got) != c.want {
			t.Errorf("JCS(%v) = %s, %v; want %s", c.in, got, err, c.want)
		}
	}
	for _, bad := range []float64{math.NaN(), math.Inf(1)} {
		if _, err := JCS(bad); err == nil {
			t.Errorf("JCS(%v) accepted", bad)
		}
	}
}

// TestJCSStringsAndOrder uses RFC 8785's string escaping and UTF-16 key
// ordering examples.
func TestJCSStringsAndOrder(t *testing.T) {
	var v any
	in := `{"\u20ac": "Euro Sign", "\r": "Carriage Return", "\ufb33": "Hebrew Letter Dalet With Dagesh", "1": "One",
		"\ud83d\ude00": "Emoji: Grinning Face", "\u0080": "Control", "\u00f6": "Latin Small Letter O With Diaeresis",
		"s": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/", "n": [null, true, false, 1.0, {}]}`
	if err := json.Unmarshal([]byte(in), &v); err != nil {
		t.Fatal(err)
	}
	got, err := JCS(v)
	if err != nil {
		t.Fatal(err)
	}
	want := "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"n\":[null,true,false,1,{}]," +
		"\"s\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\",\"\u0080\":\"Control\",\"ö\":\"Latin Small Letter O With Diaeresis\"," +
		"\"€\":\"Euro Sign\",\"😀\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}"
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if _, err := JCS(map[string]any{"x": make(chan int)}); err == nil {
		t.Error("unsupported value accepted")
	}
	if _, err := JCS("\xff"); err == nil {
		t.Error("invalid UTF-8 accepted")
	}
}
