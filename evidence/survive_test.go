package evidence_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"proofpack/evidence"
	"proofpack/internal/osfile"
	"proofpack/tracker"
	"proofpack/tracker/boltstore"
	"proofpack/tracker/storetest"
)

// A stray file under the next exhibit's name was renamed over; now the add fails, names it, and
// leaves it and the records alone.
func TestNewExhibitNeverReplacesAFile(t *testing.T) {
	s, dataDir, id := newCase(t)
	dir := filepath.Join(dataDir, "cases", id)
	os.MkdirAll(dir, 0o700)
	stray := writeFile(t, dir, "01-history.txt", []byte("the buyer's own notes"))
	_, err := evidence.Add(s, dataDir, id, evidence.TextGroup("history", "1 Oct 2026 accepted", ""))
	if err == nil || !strings.Contains(err.Error(), stray) {
		t.Fatalf("Add over a stray file: %v; want a refusal naming %s", err, stray)
	}
	if b, _ := os.ReadFile(stray); string(b) != "the buyer's own notes" {
		t.Errorf("the stray file was replaced: %q", b)
	}
	if ex, _ := s.Exhibits(id); len(ex) != 0 {
		t.Errorf("records %+v", ex)
	}
	if left, _ := os.ReadDir(evidence.TempDir(dataDir)); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// packet --out wrote onto proofpack.db, exhibits, devices and through links.
func TestCheckOutput(t *testing.T) {
	_, dataDir, id := newCase(t)
	outside := t.TempDir()
	regular := writeFile(t, outside, "old.pdf", []byte("old"))
	link := filepath.Join(outside, "link.pdf")
	bads := []string{
		filepath.Join(dataDir, "proofpack.db"), filepath.Join(dataDir, "cases", id, "manifest.json"),
		filepath.Join(dataDir, "new.pdf"), "/dev/null", outside,
	}
	// Windows lets only administrators (or developer mode) make symbolic links, and Wine makes
	// ones that Lstat does not report as links: there the case cannot be set up.
	err := os.Symlink(regular, link)
	if fi, lerr := os.Lstat(link); err == nil && lerr == nil && fi.Mode()&os.ModeSymlink != 0 {
		bads = append(bads, link)
	} else if runtime.GOOS != "windows" {
		t.Fatalf("making a symbolic link: %v", err)
	}
	for _, bad := range bads {
		if err := evidence.CheckOutput(dataDir, bad); tracker.KindOf(err) != tracker.KindInvalid || tracker.FieldOf(err) != "--out" {
			t.Errorf("CheckOutput(%s) = %v; want --out refused", bad, err)
		}
	}
	for _, ok := range []string{regular, filepath.Join(outside, "new.pdf"), filepath.Join(dataDir, "packets", "p.pdf")} {
		if err := evidence.CheckOutput(dataDir, ok); err != nil {
			t.Errorf("CheckOutput(%s) = %v", ok, err)
		}
	}
	if err := evidence.WriteOutput(dataDir, regular, []byte("new")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(regular); string(b) != "new" {
		t.Errorf("regular output not replaced: %q", b)
	}
	if fi, _ := os.Stat(regular); fi.Mode() != osfile.FileMode {
		t.Errorf("output mode %v", fi.Mode())
	}
}

// Each start finishes what a crash left: an interrupted delete, temporary files of adds,
// captures and outputs, and the case.json of every case.
func TestRecoverLeavesNothingBehind(t *testing.T) {
	s, dataDir, id := newCase(t)
	if _, err := evidence.Add(s, dataDir, id, evidence.TextGroup("history", "a", "")); err != nil {
		t.Fatal(err)
	}
	gone, err := s.AddCase(mustCase(t, s, id))
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dataDir, "cases", id, evidence.CaseFileName))
	tmp := evidence.TempDir(dataDir)
	// A delete of case id killed after its folder moved, before its records went: undone.
	os.Rename(filepath.Join(dataDir, "cases", id), filepath.Join(tmp, "delete-"+id))
	// A delete of the other case killed after its records went: finished.
	os.MkdirAll(filepath.Join(tmp, "delete-"+gone.ID, "x"), 0o700)
	s.DeleteCase(gone.ID)
	writeFile(t, tmp, "add-123", make([]byte, 1000))
	os.MkdirAll(filepath.Join(tmp, "capture-1", "chrome"), 0o700)
	outDir := t.TempDir()
	half := writeFile(t, outDir, ".proofpack-abc.tmp", []byte("half a pdf"))
	writeFile(t, tmp, "pending-1", []byte(half))

	// An add of case id killed after linking 02-file.png, before saving its record.
	writeFile(t, tmp, "manifest-"+id+"-ab12", []byte("02-file.png\n"))
	writeFile(t, filepath.Join(tmp, "delete-"+id), "02-file.png", []byte("half an add"))

	if err := evidence.Recover(s, dataDir, "folder-1"); err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("left in %s: %v", tmp, left)
	}
	for _, p := range []string{half} {
		if _, err := os.Lstat(p); err == nil {
			t.Errorf("%s is still there", p)
		}
	}
	if r, err := evidence.Verify(s, dataDir, id); err != nil || !r.OK() {
		t.Errorf("case %s after the undone delete: %+v %v", id, r, err)
	}
	cf, err := evidence.ReadCaseFile(filepath.Join(dataDir, "cases", id))
	if err != nil || cf.Case.ID != id || cf.Folder != "folder-1" {
		t.Errorf("case.json = %+v, %v", cf, err)
	}
	if folder, _ := evidence.VerifyFolder(s, dataDir); len(folder) != 0 {
		t.Errorf("after recovery: %v", folder)
	}
}

func mustCase(t *testing.T, s tracker.Store, id string) tracker.Case {
	c, err := s.Case(id)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Each committed save writes case.json; DeleteCase leaves no folder.
func TestCaseFileFollowsEverySave(t *testing.T) {
	s0, dataDir, id := newCase(t)
	s := evidence.WithCaseFiles(s0, dataDir, "f")
	if _, err := s.UpdateCase(id, func(c *tracker.Case) error { c.Notes = "asked the seller"; return nil }); err != nil {
		t.Fatal(err)
	}
	cf, err := evidence.ReadCaseFile(filepath.Join(dataDir, "cases", id))
	if err != nil || cf.Case.Notes != "asked the seller" {
		t.Fatalf("case.json after the edit: %+v %v", cf, err)
	}
	if fi, _ := os.Stat(filepath.Join(dataDir, "cases", id, evidence.CaseFileName)); fi.Mode() != osfile.FileMode {
		t.Errorf("case.json mode %v", fi.Mode())
	}
	if err := evidence.DeleteCase(s, dataDir, id); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(filepath.Join(dataDir, "cases", id)); err == nil {
		t.Error("the case folder outlived the delete")
	}
	if left, _ := os.ReadDir(evidence.TempDir(dataDir)); len(left) != 0 {
		t.Errorf("left in .tmp: %v", left)
	}
}

// The store that writes case.json keeps the store contract, and writes it for imported cases too.
func TestCaseFilesStoreContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) tracker.Store {
		dir := t.TempDir()
		s, err := boltstore.OpenDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			s.Close()
			again, err := boltstore.OpenDir(dir) // the contract may have closed the store
			if err != nil {
				t.Fatal(err)
			}
			defer again.Close()
			cases, err := again.Cases()
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range cases {
				cf, err := evidence.ReadCaseFile(filepath.Join(dir, "cases", c.ID))
				if err != nil || !cf.Case.Updated.Equal(c.Updated) || cf.Case.OrderNumber != c.OrderNumber {
					t.Errorf("case %s: case.json %+v, %v", c.ID, cf.Case, err)
				}
			}
		})
		return evidence.WithCaseFiles(s, dir, "f")
	})
}

// The first start of this version removes the temporary files earlier ones left in case folders.
func TestRecoverRemovesEarlierVersionsTemporaryFiles(t *testing.T) {
	s, dataDir, id := newCase(t)
	dir := filepath.Join(dataDir, "cases", id)
	os.MkdirAll(filepath.Join(dir, ".capture-123", "x"), 0o700)
	legacy := writeFile(t, dir, ".add-99", []byte("x"))
	os.RemoveAll(evidence.TempDir(dataDir))
	if err := evidence.Recover(s, dataDir, "f"); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{legacy, filepath.Join(dir, ".capture-123")} {
		if _, err := os.Lstat(p); err == nil {
			t.Errorf("%s is still there", p)
		}
	}
}
