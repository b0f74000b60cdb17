package evidence

// openSafe is nothing on Windows, which has no O_NOFOLLOW and no FIFOs in its folders:
// OpenRegular's Lstat refuses a link, and its SameFile check a file swapped for one after it.
const openSafe = 0
