package boltstore

// initialMmap is 0 on Windows, where bbolt grows the file itself to the size it maps.
const initialMmap = 0
