package tracker

import (
	"errors"
	"fmt"
)

// Kind sorts errors by what the user can do about them.
type Kind int

// The kinds of error the edges report.
const (
	KindInternal Kind = iota // a bug or an I/O failure
	KindInvalid              // the input is wrong: fix it and try again
	KindNotFound             // no such case or exhibit
	KindLocked               // another ProofPack holds the data folder
	KindCorrupt              // a file is damaged
)

// Error is an error a person can act on: its message is already user text.
type Error struct {
	Kind  Kind
	Field string // the field, flag or column at fault, when there is one
	Msg   string
	Err   error // the cause, for logs and errors.Is
}

func (e *Error) Error() string {
	if e.Field != "" {
		return e.Field + ": " + e.Msg
	}
	return e.Msg
}

func (e *Error) Unwrap() error { return e.Err }

// Invalid reports bad input in a named field.
func Invalid(field, format string, a ...any) error {
	return &Error{Kind: KindInvalid, Field: field, Msg: fmt.Sprintf(format, a...)}
}

// NotFound reports a missing case or exhibit.
func NotFound(format string, a ...any) error {
	return &Error{Kind: KindNotFound, Msg: fmt.Sprintf(format, a...)}
}

// KindOf returns the kind of err, KindInternal when it is not an *Error.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return KindInternal
}

// FieldOf returns the field named by err, or "".
func FieldOf(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Field
	}
	return ""
}
