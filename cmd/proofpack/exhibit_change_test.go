package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The buyer describes one exhibit and removes another: the history says who, what and when,
// verify still checks the removed file, and the bank's packet titles the described exhibit by
// its new words, cites no removed number in its body and accounts for it as withdrawn.
func TestEvidenceDescribeAndRemove(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	id, _ := caseWithHistory(t, data) // exhibit 1: the pasted page
	src := t.TempDir()
	chat, receipt := filepath.Join(src, "chat.txt"), filepath.Join(src, "receipt.txt")
	os.WriteFile(chat, []byte("Seller: I will refund you on Monday."), 0o600)
	os.WriteFile(receipt, []byte("Receipt of order 77-000"), 0o600)
	if r := pp(t, "", "evidence", "add", id, chat, receipt, "--note", "seller chat", "--data", data); r.code != 0 {
		t.Fatalf("evidence add: %s", r.stderr)
	}

	d := mustJSON[struct {
		CaseID string `json:"case_id"`
		Change struct {
			Seq            int
			At, By, Action string
			Exhibit        int
			Old, New       string
		}
		Exhibits []struct{ ID, Description string }
	}](t, pp(t, "", "evidence", "describe", id, "2", "--note", "Chat: the seller promises a refund", "--json", "--data", data))
	if d.CaseID != id || d.Change.Seq != 1 || d.Change.Action != "describe" || d.Change.Old != "seller chat" || d.Change.New != "Chat: the seller promises a refund" ||
		d.Change.By != "command line" || d.Change.At == "" || len(d.Exhibits) != 1 || d.Exhibits[0].Description != d.Change.New {
		t.Errorf("describe --json: %+v", d)
	}
	r := pp(t, "", "evidence", "remove", id, "3-file", "--reason", "receipt of another order", "--data", data)
	if r.code != 0 || !strings.Contains(r.stdout, "exhibit 3 removed: receipt of another order") || !strings.Contains(r.stdout, "files stay") {
		t.Fatalf("evidence remove: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(data, "cases", id, "03-file.txt")); err != nil {
		t.Errorf("the removed exhibit's file went: %v", err)
	}
	r = pp(t, "", "evidence", "list", id, "--data", data)
	if !strings.Contains(r.stdout, "03-file.txt  seller chat  (removed)") || !strings.Contains(r.stdout, `exhibit 2 described "Chat: the seller promises a refund", was "seller chat"`) {
		t.Errorf("evidence list: %q", r.stdout)
	}
	if r := pp(t, "", "verify", id, "--data", data); r.code != 0 || !strings.Contains(r.stdout, "all 3 exhibit files match") {
		t.Fatalf("verify after the changes: %d %q %q", r.code, r.stdout, r.stderr)
	}

	out := filepath.Join(t.TempDir(), "bank.pdf")
	if r := pp(t, "", "packet", id, "--out", out, "--profile", "bank", "--now", "2026-09-20", "--data", data); r.code != 0 {
		t.Fatalf("packet: %s", r.stderr)
	}
	text := pdfText(t, out)
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{"Exhibit 2", "Chat: the seller promises a refund", "Withdrawn by the buyer", "No. 3 (withdrawn)", "receipt of another order"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the packet lacks %q:\n%s", want, text)
		}
	}
	for _, bad := range []string{"Exhibit 3", "exhibit 3", "exhibits 1, 2 and 3", "Receipt of order 77-000"} {
		if strings.Contains(flat, bad) {
			t.Errorf("the packet shows %q, a removed exhibit, as evidence:\n%s", bad, text)
		}
	}

	os.WriteFile(filepath.Join(data, "cases", id, "03-file.txt"), []byte("Receipt of order 12-345"), 0o600)
	if r := pp(t, "", "verify", id, "--data", data); r.code != exitError || !strings.Contains(r.stdout, "cases/"+id+"/03-file.txt: changed") {
		t.Errorf("verify of a tampered removed file: %d %q", r.code, r.stdout)
	}
}

// Every bad change names its argument or flag, exits 2 (1 for no such case, as elsewhere) and
// leaves the manifest as it was.
func TestEvidenceChangesRefuseBadInput(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	id, _ := caseWithHistory(t, data)
	if r := pp(t, "", "evidence", "remove", id, "1", "--data", data); r.code != 0 {
		t.Fatalf("remove: %s", r.stderr)
	}
	manifest := filepath.Join(data, "cases", id, "manifest.json")
	before, _ := os.ReadFile(manifest)
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"describe", "99", "1", "--note", "x"}, exitError, "no case 99"},
		{[]string{"describe", id, "4", "--note", "x"}, exitUsage, "EXHIBIT: case " + id + " has no exhibit 4"},
		{[]string{"describe", id, "one", "--note", "x"}, exitUsage, `EXHIBIT: "one" is not an exhibit number`},
		{[]string{"remove", id, "1"}, exitUsage, "EXHIBIT: exhibit 1 of case " + id + " was already removed"},
		{[]string{"describe", id, "1"}, exitUsage, "--note: give the description"},
		{[]string{"describe", id, "1", "--note", "  "}, exitUsage, "--note: give the words"},
		{[]string{"describe", id, "1", "--note", strings.Repeat("x", 201)}, exitUsage, "--note: is 201 characters long; keep it to 200"},
		{[]string{"remove", id, "1", "--reason", "bad\x1b[2J"}, exitUsage, "--reason: holds a control character (U+001B"},
	}
	for _, tt := range tests {
		r := pp(t, "", append(append([]string{"evidence"}, tt.args...), "--data", data)...)
		if r.code != tt.code || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("evidence %q: exit %d %q, want %d and %q", tt.args, r.code, r.stderr, tt.code, tt.want)
		}
	}
	if after, _ := os.ReadFile(manifest); !bytes.Equal(before, after) {
		t.Errorf("bad input changed the manifest:\n%s", after)
	}
}
