package evidence_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"proofpack/evidence"
	"proofpack/tracker"
)

var changedAt = time.Date(2026, 11, 30, 12, 0, 0, 0, time.FixedZone("CET", 3600))

// addTwo adds two of the buyer's files: exhibits 1 and 2.
func addTwo(t *testing.T, s tracker.Store, dataDir, id string) {
	t.Helper()
	src := t.TempDir()
	if _, err := evidence.AddFiles(s, dataDir, id, []string{writeFile(t, src, "chat.png", []byte("\x89PNG chat")), writeFile(t, src, "receipt.pdf", []byte("%PDF receipt"))}, "Seller chat"); err != nil {
		t.Fatal(err)
	}
}

// Describing and removing change the records and the manifest together, keep every file on
// disk, hashed and verified, and leave a history with who, what and when.
func TestDescribeAndRemoveKeepEveryFileAndTheirHistory(t *testing.T) {
	s, dataDir, id := newCase(t)
	addTwo(t, s, dataDir, id)
	files := caseFiles(t, dataDir, id)
	d, err := evidence.Describe(s, dataDir, id, 1, "  Chat where the seller promises a refund ", "command line", changedAt)
	if err != nil {
		t.Fatal(err)
	}
	if d.Seq != 1 || d.Old != "Seller chat" || d.New != "Chat where the seller promises a refund" || d.By != "command line" || !d.At.Equal(changedAt) {
		t.Errorf("describe entry %+v", d)
	}
	r, err := evidence.Remove(s, dataDir, id, 2, "the receipt of another order", "window", changedAt.Add(time.Minute))
	if err != nil || r.Seq != 2 || r.Reason != "the receipt of another order" {
		t.Fatalf("remove = %+v, %v", r, err)
	}
	if got := caseFiles(t, dataDir, id); strings.Join(got, " ") != strings.Join(files, " ") {
		t.Errorf("files after removal %v, before %v: nothing may go", got, files)
	}
	ex, _ := s.Exhibits(id)
	if ex[0].Described() != "Chat where the seller promises a refund" || ex[0].Removed || !ex[1].Removed {
		t.Errorf("records %+v", ex)
	}
	m, err := evidence.ReadManifest(filepath.Join(dataDir, "cases", id))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.History) != 2 || !m.Files[1].Removed || m.Files[0].Description == "" || m.History[1].At.Location() != time.UTC {
		t.Errorf("manifest %+v", m)
	}
	if p := evidence.CheckHistory(m); len(p) != 0 {
		t.Errorf("a manifest ProofPack wrote does not hold together: %v", p)
	}
	rep, err := evidence.Verify(s, dataDir, id)
	if err != nil || !rep.OK() || rep.Files != 2 {
		t.Errorf("verify after describe and remove: %+v, %v", rep, err)
	}
	if n, _ := evidence.NextNumber(s, id); n != 3 {
		t.Errorf("next number %d: a removed number must never be given again", n)
	}

	// A removed exhibit's file is still checked.
	if err := os.WriteFile(filepath.Join(dataDir, filepath.FromSlash(ex[1].Path)), []byte("swapped"), 0o600); err != nil {
		t.Fatal(err)
	}
	rep, _ = evidence.Verify(s, dataDir, id)
	if len(rep.Problems) != 1 || rep.Problems[0].Exhibit != ex[1].ID() || rep.Problems[0].Problem != evidence.Changed {
		t.Errorf("a tampered removed file: %+v", rep)
	}
}

// Deleting the removal from manifest.json by hand shows: verify compares the manifest with the
// store's, and the manifest alone (as an exported case carries it) no longer holds together.
func TestAHistoryEditedByHandIsNoticed(t *testing.T) {
	s, dataDir, id := newCase(t)
	addTwo(t, s, dataDir, id)
	if _, err := evidence.Remove(s, dataDir, id, 2, "", "window", changedAt); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(dataDir, "cases", id)
	m, _ := evidence.ReadManifest(dir)
	m.History = nil
	raw, _ := os.ReadFile(filepath.Join(dir, evidence.ManifestName))
	start := bytes.Index(raw, []byte(`,
  "history"`))
	if start < 0 {
		t.Fatalf("no history in %s", raw)
	}
	edited := append(raw[:start:start], []byte("\n}\n")...)
	if err := os.WriteFile(filepath.Join(dir, evidence.ManifestName), edited, 0o600); err != nil {
		t.Fatal(err)
	}
	rep, _ := evidence.Verify(s, dataDir, id)
	if len(rep.Problems) != 1 || rep.Problems[0].Path != "cases/"+id+"/manifest.json" || rep.Problems[0].Problem != evidence.Changed {
		t.Errorf("verify of an edited history: %+v", rep)
	}
	got := evidence.CheckHistory(m)
	if len(got) != 1 || !strings.Contains(got[0], "marked removed, but the history has no removal of exhibit 2") {
		t.Errorf("CheckHistory = %q", got)
	}
}

// Bad input names its field and changes nothing: no record, no history, the same manifest.
func TestBadChangesChangeNothing(t *testing.T) {
	s, dataDir, id := newCase(t)
	addTwo(t, s, dataDir, id)
	if _, err := evidence.Remove(s, dataDir, id, 1, "", "window", changedAt); err != nil {
		t.Fatal(err)
	}
	mp := filepath.Join(dataDir, "cases", id, evidence.ManifestName)
	before, _ := os.ReadFile(mp)
	tests := []struct {
		name, field string
		kind        tracker.Kind
		do          func() error
	}{
		{"no case", "", tracker.KindNotFound, func() error { _, err := evidence.Describe(s, dataDir, "99", 2, "x", "", changedAt); return err }},
		{"no exhibit", "exhibit", tracker.KindNotFound, func() error { _, err := evidence.Describe(s, dataDir, id, 7, "x", "", changedAt); return err }},
		{"already removed", "exhibit", tracker.KindInvalid, func() error { _, err := evidence.Remove(s, dataDir, id, 1, "", "", changedAt); return err }},
		{"describe a removed one", "exhibit", tracker.KindInvalid, func() error { _, err := evidence.Describe(s, dataDir, id, 1, "x", "", changedAt); return err }},
		{"empty description", "description", tracker.KindInvalid, func() error { _, err := evidence.Describe(s, dataDir, id, 2, " \u3000 ", "", changedAt); return err }},
		{"same description", "description", tracker.KindInvalid, func() error { _, err := evidence.Describe(s, dataDir, id, 2, "Seller chat", "", changedAt); return err }},
		{"overlong description", "description", tracker.KindInvalid, func() error {
			_, err := evidence.Describe(s, dataDir, id, 2, strings.Repeat("é", evidence.MaxDescription+1), "", changedAt)
			return err
		}},
		{"line break", "description", tracker.KindInvalid, func() error { _, err := evidence.Describe(s, dataDir, id, 2, "one\ntwo", "", changedAt); return err }},
		{"escape in a reason", "reason", tracker.KindInvalid, func() error { _, err := evidence.Remove(s, dataDir, id, 2, "x\x1b[31m", "", changedAt); return err }},
		{"overlong reason", "reason", tracker.KindInvalid, func() error {
			_, err := evidence.Remove(s, dataDir, id, 2, strings.Repeat("a", evidence.MaxReason+1), "", changedAt)
			return err
		}},
	}
	for _, tt := range tests {
		err := tt.do()
		if tracker.KindOf(err) != tt.kind || tracker.FieldOf(err) != tt.field {
			t.Errorf("%s: %v (kind %v, field %q), want kind %v field %q", tt.name, err, tracker.KindOf(err), tracker.FieldOf(err), tt.kind, tt.field)
		}
	}
	log, _ := s.ExhibitLog(id)
	after, _ := os.ReadFile(mp)
	if len(log) != 1 || !bytes.Equal(before, after) {
		t.Errorf("bad input changed something: %d entries, manifest changed %v", len(log), !bytes.Equal(before, after))
	}
	if left, _ := os.ReadDir(evidence.TempDir(dataDir)); len(left) != 0 {
		t.Errorf("left in %s: %v", evidence.TempDir(dataDir), left)
	}
}

// A crash after the store saved a removal but before the manifest was rewritten leaves the
// journal: the next start rewrites the manifest, so the folder and the store agree again.
func TestRecoverFinishesAnInterruptedChange(t *testing.T) {
	s, dataDir, id := newCase(t)
	addTwo(t, s, dataDir, id)
	mp := filepath.Join(dataDir, "cases", id, evidence.ManifestName)
	before, _ := os.ReadFile(mp)
	if _, err := evidence.Remove(s, dataDir, id, 2, "wrong file", "window", changedAt); err != nil {
		t.Fatal(err)
	}
	// The state a crash leaves: the store changed, the old manifest, the journal still there.
	if err := os.WriteFile(mp, before, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(evidence.TempDir(dataDir), "manifest-"+id+"-0badc0de"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if rep, _ := evidence.Verify(s, dataDir, id); rep.OK() {
		t.Fatal("a stale manifest passed verify")
	}
	if err := evidence.Recover(s, dataDir, "folder"); err != nil {
		t.Fatal(err)
	}
	if rep, _ := evidence.Verify(s, dataDir, id); !rep.OK() {
		t.Errorf("after recover: %+v", rep)
	}
	if m, _ := evidence.ReadManifest(filepath.Dir(mp)); len(m.History) != 1 || m.History[0].Reason != "wrong file" {
		t.Errorf("recovered manifest %+v", m)
	}
}
