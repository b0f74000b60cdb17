package chrome

import (
	"path/filepath"
	"slices"
	"testing"
)

// On Windows the browser is looked for where Chrome and Edge install, Chrome first, in the
// folders the environment names; on macOS in /Applications; elsewhere only the PATH is searched.
func TestInstalledBrowsers(t *testing.T) {
	env := map[string]string{`ProgramFiles`: `D:\Apps`, `ProgramFiles(x86)`: `D:\Apps86`, `LocalAppData`: `C:\Users\ana\AppData\Local`}
	got := installed("windows", func(k string) string { return env[k] })
	j := filepath.Join
	want := []string{
		j(`D:\Apps`, `Google\Chrome\Application\chrome.exe`),
		j(`D:\Apps86`, `Google\Chrome\Application\chrome.exe`),
		j(`C:\Users\ana\AppData\Local`, `Google\Chrome\Application\chrome.exe`),
		j(`D:\Apps`, `Chromium\Application\chrome.exe`),
		j(`D:\Apps86`, `Chromium\Application\chrome.exe`),
		j(`C:\Users\ana\AppData\Local`, `Chromium\Application\chrome.exe`),
		j(`D:\Apps`, `Microsoft\Edge\Application\msedge.exe`),
		j(`D:\Apps86`, `Microsoft\Edge\Application\msedge.exe`),
		j(`C:\Users\ana\AppData\Local`, `Microsoft\Edge\Application\msedge.exe`),
	}
	if !slices.Equal(got, want) {
		t.Errorf("installed(windows) =\n%q\nwant\n%q", got, want)
	}
	delete(env, "ProgramFiles(x86)") // a 32-bit-less system
	if got := installed("windows", func(k string) string { return env[k] }); len(got) != 6 {
		t.Errorf("without ProgramFiles(x86): %d places, want 6: %q", len(got), got)
	}
	if got := installed("darwin", func(k string) string { return env[k] }); len(got) != 3 || got[0] != "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" {
		t.Errorf("installed(darwin) = %q, want Chrome first of 3", got)
	}
	if got := installed("linux", func(k string) string { return env[k] }); got != nil {
		t.Errorf("installed(linux) = %q, want none beyond the PATH", got)
	}
}
