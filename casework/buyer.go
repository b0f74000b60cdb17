package casework

import "proofpack/tracker"

// Buyer returns the buyer's name and contact; all empty until set.
func (s *Service) Buyer() (tracker.Buyer, error) {
	var b tracker.Buyer
	_, err := s.Store.Setting(tracker.BuyerKey, &b)
	return b, err
}

// SetBuyerField sets one field (name, email, phone) of the buyer setting.
func (s *Service) SetBuyerField(field, value string) (tracker.Buyer, error) {
	b, err := s.Buyer()
	if err != nil {
		return b, err
	}
	if err := b.Set(field, value); err != nil {
		return b, err
	}
	return b, s.Store.SetSetting(tracker.BuyerKey, b)
}
