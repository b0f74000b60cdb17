package tracker

import "fmt"

// Words are a sentence the domain writes, kept as its English fmt format and arguments so that
// a front end can say it in another language: it looks the format up in its catalogue and
// applies the same arguments. An argument that is Words itself is a phrase said the same way;
// any other argument (a number, a date, a place, a holiday's name) stays as it is. The zero
// Words say nothing.
type Words struct {
	Format string
	Args   []any
}

// Say keeps a sentence as format and arguments. Its format must be a string constant: the
// window's catalogue test finds every one in the source.
func Say(format string, a ...any) Words { return Words{Format: format, Args: a} }

// String is the sentence in English, as the packet and --json say it.
func (w Words) String() string {
	if w.Format == "" {
		return ""
	}
	return fmt.Sprintf(w.Format, w.Args...)
}
