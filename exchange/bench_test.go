package exchange_test

import (
	"bytes"
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/exchange"
)

// BenchmarkCSV1000 exports and imports a file of 1,000 complete descriptions (the import
// limit), each with a PNG badge: the cost of one bulk import.
func BenchmarkCSV1000(b *testing.B) {
	rows := make([]exchange.CSVRow, exchange.MaxCSVRows)
	for i := range rows {
		rows[i] = exchange.CSVRow{Version: &pokot.MicrocredentialVersion{MicrocredentialID: int64(i + 1), Number: 1, Status: pokot.StatusPublished, Content: testContent(b)}}
	}
	var file bytes.Buffer
	if err := exchange.WriteCSV(&file, rows, exchange.ExcelFinland); err != nil {
		b.Fatal(err)
	}
	b.Run("write", func(b *testing.B) {
		for b.Loop() {
			if err := exchange.WriteCSV(&bytes.Buffer{}, rows, exchange.ExcelFinland); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("read", func(b *testing.B) {
		b.SetBytes(int64(file.Len()))
		for b.Loop() {
			if _, err := exchange.ReadCSV(bytes.NewReader(file.Bytes())); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkExports(b *testing.B) {
	e := testExport(b)
	b.Run("ob3", func(b *testing.B) {
		for b.Loop() {
			if _, err := exchange.Achievement(e); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("elm", func(b *testing.B) {
		for b.Loop() {
			if _, err := exchange.ELM(e); err != nil {
				b.Fatal(err)
			}
		}
	})
}
