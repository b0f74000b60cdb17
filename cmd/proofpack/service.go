package main

import (
	"proofpack/casework"
	"proofpack/evidence"
	"proofpack/evidence/chrome"
	"proofpack/evidence/pdf"
)

// service opens the data folder and hands its use cases over as the application layer's Service,
// wired to Chromium and the PDF renderer: the only place the edges meet.
func (e *env) service() (*casework.Service, error) {
	st, dir, err := e.openWithDir()
	if err != nil {
		return nil, err
	}
	return &casework.Service{Store: st, Dir: dir, Capturer: capturer(dir), Packets: pdf.Renderer{}}, nil
}

// capturer is Chromium with its profile and temporary files in the data folder's temporary
// place, which the next start empties after a crash (evidence.Recover).
func capturer(dir string) chrome.Capturer {
	return chrome.Capturer{Options: chrome.Options{TempDir: evidence.ChromeDir(dir)}}
}
