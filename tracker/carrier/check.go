package carrier

// Check cleans input and returns every carrier format it fits, best first, with links and the
// number-level flags. PLACEHOLDER until issue 3 lands: it only echoes the input.
func Check(input string, opt Options) Result {
	return Result{Input: input, Normalized: input}
}
