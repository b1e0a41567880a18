package exchange

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/pokot/pokot"
)

// Limits of a CSV import: untrusted input is refused before it is parsed.
const (
	MaxCSVBytes  = 32 << 20 // the whole file
	MaxCSVRows   = 1000     // descriptions in one file
	MaxCellRunes = 20000    // any cell but the image (ValidateDraft's limit for prose)
	// MaxImageCell bounds the image cell: a data: URI of a pokot.MaxBadgeImage image.
	MaxImageCell = pokot.MaxBadgeImage/3*4 + 100
)

// Encodings reported in CSVImport.Encoding.
const (
	EncodingUTF8    = "utf-8"
	EncodingUTF8BOM = "utf-8-bom"
	// EncodingWindows1252 is Excel's "CSV (comma delimited)" on Finnish Windows: Windows-1252,
	// which agrees with ISO-8859-1 on every letter of Finnish and Swedish.
	EncodingWindows1252 = "windows-1252"
)

func fileError(code, key, msg string) *pokot.Error {
	return &pokot.Error{Code: code, Field: "file", Key: key, Message: msg}
}

// decodeCSV reads at most MaxCSVBytes and returns the text as UTF-8 with its encoding.
// Text that is not valid UTF-8 is read as Windows-1252; UTF-16 and binary files are refused.
func decodeCSV(r io.Reader) (string, string, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxCSVBytes+1))
	if err != nil {
		return "", "", err
	}
	if len(data) > MaxCSVBytes {
		return "", "", fileError(pokot.ETOOLARGE, "err.csv.too_large", fmt.Sprintf("the file is larger than %d MiB", MaxCSVBytes>>20))
	}
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		return "", "", fileError(pokot.EINVALID, "err.csv.utf16", "the file is UTF-16 text; save it as \"CSV UTF-8\"")
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", "", fileError(pokot.EINVALID, "err.csv.not_text", "the file is not a CSV text file (it contains binary data); save it as \"CSV UTF-8\"")
	}
	if b, ok := bytes.CutPrefix(data, []byte("\xef\xbb\xbf")); ok {
		if !utf8.Valid(b) {
			return "", "", fileError(pokot.EINVALID, "err.csv.bad_utf8", "the file says it is UTF-8 but is not; save it again as \"CSV UTF-8\"")
		}
		return string(b), EncodingUTF8BOM, nil
	}
	if utf8.Valid(data) {
		return string(data), EncodingUTF8, nil
	}
	s, err := charmap.Windows1252.NewDecoder().String(string(data))
	if err != nil || strings.ContainsRune(s, utf8.RuneError) {
		return "", "", fileError(pokot.EINVALID, "err.csv.encoding", "the file's character encoding is not UTF-8 or Windows-1252 (ISO-8859-1); save it as \"CSV UTF-8\"")
	}
	return s, EncodingWindows1252, nil
}

// detectSeparator picks the separator that occurs most often in the header line, outside
// quotes: Excel with Finnish settings writes ';', most other tools ','.
func detectSeparator(text string) rune {
	line, _, _ := strings.Cut(text, "\n")
	counts := map[rune]int{}
	quoted := false
	for _, r := range line {
		switch {
		case r == '"':
			quoted = !quoted
		case !quoted && (r == ',' || r == ';' || r == '\t'):
			counts[r]++
		}
	}
	best := ','
	for _, r := range []rune{';', '\t'} {
		if counts[r] > counts[best] {
			best = r
		}
	}
	return best
}
