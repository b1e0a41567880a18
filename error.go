// Package pokot holds the domain of the POKOT platform: its types, validation rules,
// error codes and the service interfaces that the storage and HTTP layers implement and use.
// It imports nothing of the project.
package pokot

import (
	"errors"
	"fmt"
	"net/http"
)

// Error codes, mapped to HTTP status codes once, in the web and api packages.
const (
	EINVALID      = "invalid"      // 400/422: the user's input is wrong
	EUNAUTHORIZED = "unauthorized" // 401: not signed in, or bad credentials
	EFORBIDDEN    = "forbidden"    // 403: signed in but not allowed
	ENOTFOUND     = "not_found"    // 404
	ECONFLICT     = "conflict"     // 409: duplicate, or state does not allow it
	ETOOMANY      = "too_many"     // 429: throttled
	ETOOLARGE     = "too_large"    // 413
	EINTERNAL     = "internal"     // 500: details only in the log
)

// Error is the one error type of the domain. Key names a message in the UI catalogs
// (e.g. "err.email_taken") so that it can be shown in the user's language; Field names
// the form field it belongs to, if any; Message is an English fallback for logs and the CLI.
type Error struct {
	Code    string
	Key     string
	Field   string
	Message string
	Err     error // wrapped cause, never shown to users
}

func (e *Error) Error() string {
	s := e.Code
	if e.Field != "" {
		s += " " + e.Field
	}
	if e.Message != "" {
		s += ": " + e.Message
	} else if e.Key != "" {
		s += ": " + e.Key
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the code and a formatted English message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// FieldError returns an EINVALID error for one form field with a catalog key.
func FieldError(field, key, message string) *Error {
	return &Error{Code: EINVALID, Field: field, Key: key, Message: message}
}

// ErrorCode returns the code of err, EINTERNAL for errors that are not *Error, "" for nil.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// Errors collects several field errors of one form or import; it is itself an EINVALID error.
type Errors []*Error

func (es Errors) Error() string {
	if len(es) == 0 {
		return "no errors"
	}
	s := es[0].Error()
	if len(es) > 1 {
		s += fmt.Sprintf(" (and %d more)", len(es)-1)
	}
	return s
}

// Err returns nil when es is empty, so that validation can end with `return errs.Err()`.
func (es Errors) Err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}

// As lets errors.As(err, &*Error) find the first field error of a collection.
func (es Errors) As(target any) bool {
	if t, ok := target.(**Error); ok && len(es) > 0 {
		*t = es[0]
		return true
	}
	return false
}

// HTTPStatus is the one mapping of error codes to HTTP status codes, used by the web pages
// and the JSON API alike. EINVALID is 422: the request was understood, its content is wrong.
func HTTPStatus(code string) int {
	switch code {
	case EINVALID:
		return http.StatusUnprocessableEntity
	case EUNAUTHORIZED:
		return http.StatusUnauthorized
	case EFORBIDDEN:
		return http.StatusForbidden
	case ENOTFOUND:
		return http.StatusNotFound
	case ECONFLICT:
		return http.StatusConflict
	case ETOOMANY:
		return http.StatusTooManyRequests
	case ETOOLARGE:
		return http.StatusRequestEntityTooLarge
	}
	return http.StatusInternalServerError
}
