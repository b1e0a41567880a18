package pokot

import "strings"

// spreadsheetTriggers are the first characters that make Excel or LibreOffice read a CSV
// cell as a formula (=, +, -, @, tab, carriage return), and the apostrophe that marks a
// defused cell, so that a value beginning with one round-trips too.
const spreadsheetTriggers = "=+-@\t\r'"

// SpreadsheetCell returns s as a CSV cell that a spreadsheet shows as text: a value a
// spreadsheet would run as a formula (an e-mail address such as "=cmd|'/c calc'!a0@x.fi"
// is valid) gets a leading apostrophe. FromSpreadsheetCell undoes it.
func SpreadsheetCell(s string) string {
	if s != "" && strings.IndexByte(spreadsheetTriggers, s[0]) >= 0 {
		return "'" + s
	}
	return s
}

// FromSpreadsheetCell is the value of a CSV cell written by SpreadsheetCell and read back,
// perhaps after a spreadsheet saved it again: one leading apostrophe before a formula
// character or another apostrophe is dropped.
func FromSpreadsheetCell(s string) string {
	if len(s) >= 2 && s[0] == '\'' && strings.IndexByte(spreadsheetTriggers, s[1]) >= 0 {
		return s[1:]
	}
	return s
}

// WalletStoredLimit is how many credentials a learner's wallet holds besides those issued
// here: added on the wallet page or by an OB 3.0 API client. The store refuses one more.
const WalletStoredLimit = 500
