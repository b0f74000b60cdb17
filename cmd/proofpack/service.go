package main

import "proofpack/casework"

// service opens the data folder and hands its use cases over as the application layer's Service.
func (e *env) service() (*casework.Service, error) {
	st, dir, err := e.openWithDir()
	if err != nil {
		return nil, err
	}
	return &casework.Service{Store: st, Dir: dir}, nil
}
