package chrome

import "path/filepath"

// installed are the browsers to try on goos beyond those found on the PATH. macOS keeps them
// in /Applications. Windows puts no
// browser on the PATH: Chrome installs per machine under Program Files (or Program Files
// (x86)) or per user under LocalAppData, and Edge, which comes with Windows 10 and 11 and runs
// the same DevTools protocol, is the last resort. The folders come from the environment, so a
// system on another drive is found too.
func installed(goos string, getenv func(string) string) []string {
	switch goos {
	case "darwin":
		return []string{"/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
			"/Applications/Chromium.app/Contents/MacOS/Chromium",
			"/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge"}
	case "windows":
	default:
		return nil
	}
	var out []string
	add := func(envVar, rel string) {
		if dir := getenv(envVar); dir != "" {
			out = append(out, filepath.Join(dir, rel))
		}
	}
	for _, rel := range []string{`Google\Chrome\Application\chrome.exe`, `Chromium\Application\chrome.exe`, `Microsoft\Edge\Application\msedge.exe`} {
		add("ProgramFiles", rel)
		add("ProgramFiles(x86)", rel)
		add("LocalAppData", rel)
	}
	return out
}
