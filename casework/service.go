package casework

import (
	"context"
	"time"

	"proofpack/evidence"
	"proofpack/tracker"
)

// PacketRenderer draws a dispute packet for an export profile; evidence/pdf implements it. The
// job around the drawing (checking the exhibits, diagnosing, writing the files) is MakePacket's.
type PacketRenderer interface {
	// Profiles are the profile names Render takes, the default first.
	Profiles() []string
	// Loose names the extra outputs of a profile by what follows the PDF's path without its
	// extension: a folder ends in "/" ("-pictures/"), a file does not (".zip").
	Loose(profile string) []string
	// Render draws p for the named profile. out is the PDF's path, for the notes about its name.
	Render(ctx context.Context, p evidence.Packet, profile, dataDir, out string, progress func(done, total int)) (evidence.Rendered, error)
}

// Service is one data folder's use cases. The front ends build one and call its methods.
type Service struct {
	Store    tracker.Store
	Dir      string            // the data folder, for exhibit files
	Clock    tracker.Clock     // nil means time.Now
	Capturer evidence.Capturer // nil when no browser is wired
	Packets  PacketRenderer    // nil when no renderer is wired
}

// Now is the service's "today": the fixed clock of --now and of tests, else the real one.
func (s *Service) Now() time.Time {
	if s.Clock != nil {
		return s.Clock()
	}
	return time.Now()
}
