package i18n

import (
	"fmt"
	"time"
	_ "time/tzdata" // Europe/Helsinki must exist on minimal systems too

	"github.com/pokot/pokot"
)

// Helsinki is the time zone every date on screen is shown in.
var Helsinki = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Helsinki")
	if err != nil {
		panic(err)
	}
	return loc
}()

var weekdays = map[pokot.Lang][7]string{
	pokot.Finnish: {"su", "ma", "ti", "ke", "to", "pe", "la"},
	pokot.Swedish: {"sön", "mån", "tis", "ons", "tors", "fre", "lör"},
	pokot.English: {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"},
}

var englishMonths = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// Date formats the calendar day of t in Helsinki without the weekday:
// 7.10.2025 (fi, sv) or 7 Oct 2025 (en).
func Date(l pokot.Lang, t time.Time) string {
	t = t.In(Helsinki)
	if l == pokot.English {
		return fmt.Sprintf("%d %s %d", t.Day(), englishMonths[t.Month()-1], t.Year())
	}
	return fmt.Sprintf("%d.%d.%d", t.Day(), int(t.Month()), t.Year())
}

// Day formats the date with its weekday, where people plan: ti 7.10.2025, tis 7.10.2025,
// Tue 7 Oct 2025.
func Day(l pokot.Lang, t time.Time) string {
	return weekdays[norm(l)][t.In(Helsinki).Weekday()] + " " + Date(l, t)
}

// Clock formats the time of day in Helsinki: 14.00 (fi, sv) or 14:00 (en).
func Clock(l pokot.Lang, t time.Time) string {
	t = t.In(Helsinki)
	sep := "."
	if l == pokot.English {
		sep = ":"
	}
	return fmt.Sprintf("%d%s%02d", t.Hour(), sep, t.Minute())
}

// clockWord is what goes between the date and the time.
func clockWord(l pokot.Lang) string {
	switch l {
	case pokot.Swedish:
		return " kl. "
	case pokot.English:
		return ", "
	}
	return " klo "
}

// DateTime formats a moment with weekday, date and time: ti 7.10.2025 klo 14.00,
// tis 7.10.2025 kl. 14.00, Tue 7 Oct 2025, 14:00.
func DateTime(l pokot.Lang, t time.Time) string {
	return Day(l, t) + clockWord(l) + Clock(l, t)
}

// Range formats a span: ti 7.10.2025 klo 14.00–16.00 when both ends fall on one Helsinki
// day, otherwise both moments in full with an en dash between them.
func Range(l pokot.Lang, start, end time.Time) string {
	if end.IsZero() || !end.After(start) {
		return DateTime(l, start)
	}
	s, e := start.In(Helsinki), end.In(Helsinki)
	if s.Year() == e.Year() && s.YearDay() == e.YearDay() {
		return DateTime(l, start) + "–" + Clock(l, end)
	}
	return DateTime(l, start) + " – " + DateTime(l, end)
}

func norm(l pokot.Lang) pokot.Lang {
	if _, ok := weekdays[l]; ok {
		return l
	}
	return pokot.Finnish
}
