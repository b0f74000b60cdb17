package bundle

// noFollow: Windows has no O_NOFOLLOW; AddFile's Lstat and SameFile checks refuse links there,
// and Extract creates each file new in a folder it made.
const noFollow = 0
