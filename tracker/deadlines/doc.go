// Package deadlines is the refund timeline: the dispute windows of each marketplace and payment
// route as data (each with its source and the day it was checked), business days in the buyer's
// country, the stage a case has reached from the steps the buyer recorded, the reminders that
// follow from both, and ready messages to the seller. A parcel the tracking shows delivered in
// the buyer's own town that never came has its own steps (FollowUps: the carrier's proof of
// delivery, a carrier claim, a police report, a neighbour's statement), each followed by
// ProofPack's own reminders, labelled as such: no carrier publishes one answer time.
//
// Policies change often, so every number lives in Windows with its source URL; a rule is never
// a constant in code (the follow-ups' figures are ProofPack's own, not a rule, and say so). It
// imports proofpack/tracker and, for public holidays, rickar/cal.
package deadlines
