package ui

import (
	"context"

	"proofpack/casework"
	"proofpack/evidence"
	"proofpack/tracker"
	"proofpack/tracker/rules"
)

// Services are what the window works with, handed in by cmd/proofpack so that tests can pass
// real ones on temporary data.
type Services struct {
	Store   tracker.Store
	DataDir string        // the data folder, for exhibit files
	Now     tracker.Clock // nil means time.Now
	// NewShipment turns a pasted tracking number into a shipment (normalised, carrier noted).
	NewShipment func(input string) tracker.Shipment
	// Analyze diagnoses a stored case, the same call as `proofpack analyze`.
	Analyze func(caseID string) (rules.Report, error)
	// Capturer captures web pages (Chromium in the real window).
	Capturer evidence.Capturer
	// MakePacket makes a dispute packet, the same call as `proofpack packet`.
	MakePacket func(ctx context.Context, job evidence.PacketJob) (evidence.PacketMade, error)
	// PacketProfiles are the profiles MakePacket takes, the default first.
	PacketProfiles []string
	// Work is the application layer on the same store and folder: import, backup, archives.
	Work *casework.Service
}
