package web

import "testing"

// orderAsOn sorts field errors by where their fields are on the page, by id or else by
// name; problems with the whole form stay first and a field the page lacks goes last.
func TestFormErrorsOrderAsOnPage(t *testing.T) {
	f := newForm("x", nil)
	f.Add("missing", "k.missing")
	f.Add("c", "k.c")
	f.Add("", "k.form")
	f.Add("b", "k.b")
	f.Add("a", "k.a")
	page := []byte(`<a href="#x-c">summary</a><input id="x-a" name="a"><input type="radio" name="b" value="1"><input id="x-c" name="c">`)
	if !f.orderAsOn(page) {
		t.Fatal("reported no change")
	}
	var got []string
	for _, e := range f.Errors {
		got = append(got, e.Key)
	}
	want := []string{"k.form", "k.a", "k.b", "k.c", "k.missing"}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("order %v, want %v", got, want)
		}
	}
	if f.orderAsOn(page) {
		t.Error("sorting a sorted form reported a change")
	}
	one := newForm("y", nil)
	one.Add("z", "k.z")
	if one.orderAsOn(page) {
		t.Error("one error reported a change")
	}
}
