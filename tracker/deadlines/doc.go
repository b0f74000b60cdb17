// Package deadlines is the refund timeline: the dispute windows of each marketplace and payment
// route as data (each with its source and the day it was checked), business days in the buyer's
// country, the stage a case has reached from the steps the buyer recorded, the reminders that
// follow from both, and ready messages to the seller.
//
// Policies change often, so every number lives in Windows with its source URL; a rule is never
// a constant in code. It imports proofpack/tracker and, for public holidays, rickar/cal.
package deadlines
