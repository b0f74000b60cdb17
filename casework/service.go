package casework

import (
	"context"
	"time"

	"proofpack/evidence"
	"proofpack/tracker"
)

// PacketMaker renders a dispute packet; evidence/pdf implements it.
type PacketMaker func(ctx context.Context, st tracker.Store, dir string, job evidence.PacketJob) (evidence.PacketMade, error)

// Service is one data folder's use cases. The front ends build one and call its methods.
type Service struct {
	Store    tracker.Store
	Dir      string            // the data folder, for exhibit files
	Clock    tracker.Clock     // nil means time.Now
	Capturer evidence.Capturer // nil when no browser is wired
	Packets  PacketMaker       // nil when no renderer is wired
}

// Now is the service's "today": the fixed clock of --now and of tests, else the real one.
func (s *Service) Now() time.Time {
	if s.Clock != nil {
		return s.Clock()
	}
	return time.Now()
}
