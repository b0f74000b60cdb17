package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"proofpack/tracker/boltstore"
)

// --data ” used the default folder.
func TestEmptyDataFolderIsRefused(t *testing.T) {
	r := pp(t, "", "case", "list", "--data", "")
	if r.code != exitUsage || !strings.Contains(r.stderr, "--data") {
		t.Errorf("--data '': exit %d %q", r.code, r.stderr)
	}
}

// packet --out wrote over proofpack.db, a manifest, /dev/null and through a link.
func TestPacketWritesOnlyWhereItMay(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	id, _ := caseWithHistory(t, data)
	outside := t.TempDir()
	target := filepath.Join(outside, "precious.txt")
	os.WriteFile(target, []byte("not a packet"), 0o600)
	link := filepath.Join(outside, "link.pdf")
	os.Symlink(target, link)
	for _, out := range []string{filepath.Join(data, "proofpack.db"), filepath.Join(data, "cases", id, "manifest.json"), filepath.Join(data, "p.pdf"), "/dev/null", outside, link} {
		r := pp(t, "", "packet", id, "--out", out, "--now", "2026-09-20", "--data", data)
		if r.code != exitUsage || !strings.Contains(r.stderr, "--out") {
			t.Errorf("--out %s: exit %d %q", out, r.code, r.stderr)
		}
	}
	if r := pp(t, "", "case", "show", id, "--data", data); r.code != 0 {
		t.Errorf("the store after refused packets: %s", r.stderr)
	}
	if b, _ := os.ReadFile(target); string(b) != "not a packet" {
		t.Error("the link's target was written")
	}
	if r := pp(t, "", "verify", "--data", data); r.code != 0 {
		t.Errorf("verify after refused packets: %s %s", r.stdout, r.stderr)
	}
	// A regular file is replaced, mode 0600 whatever the umask; the packets folder is allowed.
	old := syscall.Umask(0)
	defer syscall.Umask(old)
	for _, out := range []string{target, filepath.Join(data, "packets", "p.pdf")} {
		if r := pp(t, "", "packet", id, "--out", out, "--now", "2026-09-20", "--data", data); r.code != 0 {
			t.Fatalf("--out %s: %s", out, r.stderr)
		}
		if fi, err := os.Stat(out); err != nil || fi.Mode() != 0o600 {
			t.Errorf("%s: %v %v", out, fi.Mode(), err)
		}
	}
}

// packet ran with a hidden file, a stray folder or a pipe in place of an exhibit; it refuses
// them and, forced, names them on the cover (and does not block on the pipe).
func TestPacketRefusesWhatVerifyFindsUnlessForced(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	id, file := caseWithHistory(t, data)
	os.WriteFile(filepath.Join(data, "cases", id, ".sneaky"), []byte("x"), 0o600)
	os.Remove(file)
	syscall.Mkfifo(file, 0o600)
	out := filepath.Join(t.TempDir(), "dispute.pdf")
	r := pp(t, "", "packet", id, "--out", out, "--now", "2026-09-20", "--data", data)
	if r.code == 0 || !strings.Contains(r.stderr, ".sneaky") || !strings.Contains(r.stderr, "01-history.txt") {
		t.Fatalf("exit %d %q", r.code, r.stderr)
	}
	r = pp(t, "", "packet", id, "--out", out, "--now", "2026-09-20", "--force", "--data", data)
	if r.code != 0 {
		t.Fatalf("forced: %s", r.stderr)
	}
	text := pdfText(t, out)
	for _, want := range []string{".sneaky (hidden)", "01-history.txt (not a regular file)"} {
		if !strings.Contains(strings.Join(strings.Fields(text), " "), want) {
			t.Errorf("the cover does not name %q", want)
		}
	}
	r = pp(t, "", "verify", "--data", data)
	if r.code != exitError || !strings.Contains(r.stdout, ".sneaky") {
		t.Errorf("verify: exit %d %s", r.code, r.stdout)
	}
}

// A removed proofpack.db made the next command start afresh over the case folders.
func TestRepairAfterTheStoreIsLost(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	id, _ := caseWithHistory(t, data)
	before := pp(t, "", "analyze", id, "--json", "--now", "2026-09-20", "--data", data).stdout
	os.Remove(filepath.Join(data, "proofpack.db"))
	r := pp(t, "", "case", "list", "--data", data)
	if r.code == 0 || !strings.Contains(r.stderr, "proofpack repair") {
		t.Fatalf("missing store: exit %d %q", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(data, "proofpack.db")); err == nil {
		t.Error("a new store was created")
	}
	r = pp(t, "", "repair", "--data", data)
	if r.code != 0 || !strings.Contains(r.stdout, "Restored 1 cases ("+id+"), 1 exhibits") {
		t.Fatalf("repair: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if after := pp(t, "", "analyze", id, "--json", "--now", "2026-09-20", "--data", data).stdout; after != before {
		t.Errorf("analysis after repair:\n%s\nbefore:\n%s", after, before)
	}
	if r := pp(t, "", "verify", "--data", data); r.code != 0 {
		t.Errorf("verify after repair: %s", r.stdout)
	}
	if next := addCase(t, data); next != "2" {
		t.Errorf("next case %s, want 2", next)
	}
}

// A read-only, unreadable or locked store was called damaged, with advice to move it away.
func TestStoreProblemsAreNamedForWhatTheyAre(t *testing.T) {
	dir := t.TempDir()
	os.Chmod(dir, 0o755)
	os.Chmod(filepath.Dir(dir), 0o755)
	data := filepath.Join(dir, "data")
	addCase(t, data)
	os.Chown(data, 65534, 65534) // nobody's folder, root's store
	db := filepath.Join(data, "proofpack.db")
	asNobody := func(args ...string) result {
		cmd := exec.Command(binary, args...)
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		return collect(t, cmd)
	}
	for _, tt := range []struct {
		mode os.FileMode
		want string
	}{{0o644, "cannot be written"}, {0o600, "cannot be read"}} {
		os.Chmod(db, tt.mode)
		r := asNobody("case", "list", "--data", data)
		if r.code == 0 || !strings.Contains(r.stderr, tt.want) || strings.Contains(r.stderr, "damaged") {
			t.Errorf("mode %v: exit %d %q", tt.mode, r.code, r.stderr)
		}
	}
	os.Chmod(db, 0o600)
	s, err := boltstore.OpenDir(data)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if r := pp(t, "", "case", "list", "--data", data); r.code == 0 || !strings.Contains(r.stderr, "already open") || strings.Contains(r.stderr, "damaged") {
		t.Errorf("locked: exit %d %q", r.code, r.stderr)
	}
}

// A second window on an open folder said so only on the terminal; now a dialog says it too (the
// screenshot, mode 0600 whatever the umask, shows the dialog).
func TestSecondWindowIsToldInADialog(t *testing.T) {
	if _, err := exec.LookPath("xvfb-run"); err != nil {
		t.Fatal("xvfb-run is not installed: run scripts/setup (make test does)")
	}
	data := filepath.Join(t.TempDir(), "data")
	s, err := boltstore.OpenDir(data)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	shot := filepath.Join(t.TempDir(), "locked.png")
	// The binary's own exit status is printed: xvfb-run's may be its own cleanup's.
	cmd := exec.Command("xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "sh", "-c", `umask 0; "$@"; echo "exit status $?"`, "sh", binary, "--data", data, "--screenshot", shot)
	out, _ := cmd.CombinedOutput()
	if !strings.Contains(string(out), fmt.Sprintf("exit status %d", exitError)) || !strings.Contains(string(out), "already open") {
		t.Fatalf("output %s", out)
	}
	if n := colours(readPNG(t, shot)); n < 10 {
		t.Errorf("the screenshot has %d colours: no dialog", n)
	}
	if fi, _ := os.Stat(shot); fi.Mode() != 0o600 {
		t.Errorf("screenshot mode %v, want 0600", fi.Mode())
	}
}
