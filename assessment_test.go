package pokot_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pokot/pokot"
)

func TestParseResult(t *testing.T) {
	for _, tc := range []struct {
		scale  pokot.GradingScheme
		in     string
		out    string
		passed bool
		bad    bool
	}{
		{pokot.GradePassFail, " Hyväksytty ", pokot.ResultPass, true, false},
		{pokot.GradePassFail, "godkänd", pokot.ResultPass, true, false},
		{"", "hylätty", pokot.ResultFail, false, false},
		{pokot.GradePassFail, "4", "", false, true},
		{pokot.Grade1to5, "4", "4", true, false},
		{pokot.Grade1to5, "0", "", false, true},
		{pokot.Grade1to5, "hylätty", pokot.ResultFail, false, false},
		{pokot.Grade0to5, "0", "0", false, false},
		{pokot.Grade1to3, "4", "", false, true},
	} {
		out, passed, err := pokot.ParseResult(tc.scale, tc.in)
		if (err != nil) != tc.bad || out != tc.out || passed != tc.passed {
			t.Errorf("%s %q: %q %v %v", tc.scale, tc.in, out, passed, err)
		}
	}
}

func TestOverallGrade(t *testing.T) {
	for _, tc := range []struct {
		scale   pokot.GradingScheme
		results []string
		n       int
		grade   string
		ok      bool
	}{
		{pokot.GradePassFail, []string{"pass", "pass"}, 2, "hyväksytty", true},
		{pokot.GradePassFail, []string{"pass"}, 2, "", false},
		{pokot.GradePassFail, []string{"pass", "fail"}, 2, "", false},
		{pokot.Grade1to5, []string{"4", "5"}, 2, "5", true}, // 4.5 rounds half up
		{pokot.Grade1to5, []string{"3", "4", "4"}, 3, "4", true},
		{pokot.Grade0to5, []string{"0", "5"}, 2, "", false},
		{pokot.GradePassFail, nil, 0, "", false},
	} {
		g, ok := pokot.OverallGrade(tc.scale, tc.results, tc.n)
		if g != tc.grade || ok != tc.ok {
			t.Errorf("%s %v: %q %v", tc.scale, tc.results, g, ok)
		}
	}
}

func TestReadAssessmentCSV(t *testing.T) {
	rows, err := pokot.ReadAssessmentCSV(strings.NewReader("\ufeffEmail;Outcome;Result;Date;Evidence\r\nA@Example.fi;2;pass;2026-10-20;https://x.example.fi/1 https://x.example.fi/2\r\n;;;;\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].Email != "a@example.fi" || rows[0].Outcome != 1 || rows[0].Line != 2 ||
		!rows[0].AssessedOn.Equal(time.Date(2026, 10, 20, 0, 0, 0, 0, time.UTC)) || len(rows[0].Evidence) != 2 {
		t.Fatalf("rows %+v", rows)
	}
	for name, in := range map[string]string{
		"empty":          "",
		"header only":    "email,outcome,result,date\n",
		"bad outcome":    "email,outcome,result,date\na@example.fi,0,pass,1.1.2026\n",
		"bad email":      "email,outcome,result,date\nnot-an-address,1,pass,1.1.2026\n",
		"missing column": "email,outcome,date\na@example.fi,1,1.1.2026\n",
		"broken quoting": "email,outcome,result,date\n\"a@example.fi,1,pass,1.1.2026\n",
	} {
		var es pokot.Errors
		if _, err := pokot.ReadAssessmentCSV(strings.NewReader(in)); !errors.As(err, &es) || len(es) == 0 || !strings.HasPrefix(es[0].Field, "row ") {
			t.Errorf("%s: %v", name, err)
		}
	}
	big := "email,outcome,result,date\n" + strings.Repeat("a@example.fi,1,pass,1.1.2026\n", 20001)
	if _, err := pokot.ReadAssessmentCSV(strings.NewReader(big)); pokot.ErrorCode(err) != pokot.ETOOLARGE {
		t.Errorf("too many rows: %v", err)
	}
}

func TestValidateOffering(t *testing.T) {
	now := time.Date(2026, 8, 1, 0, 0, 0, 0, time.UTC)
	good := func() *pokot.Offering {
		return &pokot.Offering{Starts: now, Ends: now.AddDate(0, 1, 0), Online: true, Language: "fi", Capacity: 10,
			RegistrationOpens: now.AddDate(0, -1, 0), RegistrationCloses: now}
	}
	if err := pokot.ValidateOffering(good(), false); err != nil {
		t.Fatal(err)
	}
	o := good()
	o.Language, o.PriceCents, o.Assessors = "finnish", -1, []int64{3, 3}
	var es pokot.Errors
	if err := pokot.ValidateOffering(o, false); !errors.As(err, &es) || len(es) != 3 {
		t.Fatalf("errors %v", err)
	}
	o = good()
	o.JotpaCaseNumber = "VN/1234/2026"
	if err := pokot.ValidateOffering(o, true); err != nil {
		t.Fatal(err)
	}
	if (&pokot.Offering{Capacity: 3, Registered: 5}).FreeSeats() != 0 {
		t.Fatal("negative free seats")
	}
}
