// Package osfile holds the file rules that differ between the systems ProofPack runs on, so the
// packages that write evidence and outputs state them once: how a rename is made to survive a
// crash (Unix syncs the folder after it; Windows cannot open a folder to sync it and renames
// with write-through instead) and which file names Windows refuses.
package osfile
