// Package exchange holds the formats for exchanging POK descriptions with other systems:
// an Open Badges 3.0 Achievement (built by the credential package's mapping), a European
// Learning Model v3 Qualification in JSON-LD that carries every Annex I element of the
// Council Recommendation on micro-credentials, and CSV for export and bulk import.
//
// The package is pure: it reads and writes documents and never touches the database.
// docs/exchange.md maps every element to its field in each format.
package exchange
