package api

import (
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"github.com/pokot/pokot"
)

// problem is an RFC 9457 problem details object. Type is "about:blank" (the status says it
// all); Code carries the platform's error code for programs, Errors the field messages of
// an EINVALID error.
type problem struct {
	Type   string              `json:"type"`
	Title  string              `json:"title"`
	Status int                 `json:"status"`
	Detail string              `json:"detail,omitempty"`
	Code   string              `json:"code"`
	Key    string              `json:"key,omitempty"`
	Errors map[string][]string `json:"errors,omitempty"`
}

// Keys of protocol errors that need a status of their own within EINVALID.
const (
	keyContentType = "err.content_type" // 415
	keyMethod      = "err.method"       // 405
)

// status maps an error to its HTTP status code: the one place where codes become statuses.
func status(e *pokot.Error, fields bool) int {
	switch e.Code {
	case pokot.EINVALID:
		switch {
		case e.Key == keyContentType:
			return http.StatusUnsupportedMediaType
		case e.Key == keyMethod:
			return http.StatusMethodNotAllowed
		case fields:
			return http.StatusUnprocessableEntity
		}
		return http.StatusBadRequest
	}
	return pokot.HTTPStatus(e.Code)
}

// writeError renders err as problem JSON. Internal errors are logged with their cause and
// answered with a generic message; the others say what was wrong with the request.
func writeError(w http.ResponseWriter, r *http.Request, logger *slog.Logger, err error) {
	var e *pokot.Error
	if !errors.As(err, &e) {
		e = &pokot.Error{Code: pokot.EINTERNAL, Err: err}
	}
	p := problem{Type: "about:blank", Code: e.Code, Key: e.Key}
	var fes pokot.Errors
	if errors.As(err, &fes) {
		p.Errors = map[string][]string{}
		for _, fe := range fes {
			p.Errors[fe.Field] = append(p.Errors[fe.Field], fe.Message)
		}
	} else if e.Code == pokot.EINVALID && e.Field != "" {
		p.Errors = map[string][]string{e.Field: {e.Message}}
	}
	p.Status = status(e, len(p.Errors) > 0)
	p.Title = http.StatusText(p.Status)
	if p.Status == http.StatusInternalServerError {
		p.Code, p.Key = pokot.EINTERNAL, ""
		p.Detail = "Something went wrong on our side. Please try again later."
		logger.ErrorContext(r.Context(), "api: internal error", "method", r.Method, "path", r.URL.Path, "err", err)
	} else {
		p.Detail = e.Message
		if p.Detail == "" {
			p.Detail = p.Title
		}
	}
	switch p.Status {
	case http.StatusUnauthorized:
		v := `Bearer realm="pokot"`
		if r.Header.Get("Authorization") != "" {
			v += `, error="invalid_token"`
		}
		w.Header().Set("WWW-Authenticate", v)
	case http.StatusForbidden:
		if e.Key == keyScope {
			w.Header().Set("WWW-Authenticate", `Bearer realm="pokot", error="insufficient_scope", scope="`+e.Field+`"`)
		}
	}
	sendProblem(w, p.Status, p)
}

// fill sets the members every problem has from code and e.
func (p *problem) fill(code int, e *pokot.Error) {
	p.Type, p.Status, p.Title = "about:blank", code, http.StatusText(code)
	p.Code, p.Key, p.Detail = e.Code, e.Key, e.Message
	if p.Detail == "" {
		p.Detail = p.Title
	}
}

// sendProblem writes body, a problem with or without extension members, as an RFC 9457
// problem document with status code.
func sendProblem(w http.ResponseWriter, code int, body any) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(body)
}

// writeJSON writes v as a JSON response with status code.
func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}
