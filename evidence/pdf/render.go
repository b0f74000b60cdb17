package pdf

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"unicode/utf8"

	"proofpack/evidence"
)

// Options say where a packet goes and where its files are.
type Options struct {
	Profile Profile
	Root    string // the data folder that exhibit paths are relative to
	// Progress, when set, hears how many pictures are encoded out of how many.
	Progress func(done, total int)
}

// Output is a rendered packet.
type Output struct {
	PDF     []byte
	Pages   int
	Packet  evidence.Packet // as drawn: exhibits left out are marked, the cover says why
	Layout  []string        // what each page holds, one line per page: the structure goldens compare
	Fill    []float64       // how full each page is, 0 to 1: only the last may be nearly empty
	Notes   []string        // what the buyer must be told: exhibits left out, pictures not drawn
	Quality int             // JPEG quality of the pictures
	DPI     float64         // the resolution cap the pictures were scaled to; 0 for none
}

// textLimit is how much of a text exhibit is printed; the file itself stays in the index.
const textLimit = 6000

// Render lays out the packet for the profile and fits it into the profile's limits: first the
// page limit (leaving out the least important exhibits), then the size limit (lower JPEG
// quality, then lower resolution, then leaving out exhibits). It never returns a packet over a
// limit: when even the text alone is over, it returns an error that says so.
func Render(ctx context.Context, p evidence.Packet, opt Options) (*Output, error) {
	if err := CheckFonts(); err != nil {
		return nil, err
	}
	prof := opt.Profile
	r := &renderer{opt: opt, pics: map[string]picture{}, texts: map[string]string{},
		cache: &decoded{pics: map[string]*image.RGBA{}, budget: 60_000_000}, encoded: map[string][][]byte{}, pads: map[string][]int{}}
	for _, e := range p.Exhibits {
		for _, f := range e.Files {
			switch {
			case !evidence.Readable(f.Problem):
				r.pics[f.Path] = picture{path: f.Path, err: "it is " + f.Problem}
				r.texts[f.Path] = "(not shown: the file is " + f.Problem + ")"
			case f.Show == evidence.ShowImage:
				r.pics[f.Path] = probe(opt.Root, f.Path)
			case f.Show == evidence.ShowText:
				r.texts[f.Path] = readText(opt.Root, f.Path)
			}
		}
	}

	// Pages first: they depend only on picture sizes, not on their bytes.
	var pageDrop []int
	pageReason := fmt.Sprintf("the %s profile allows at most %d pages", prof.Name, prof.MaxPages)
	var plan *doc
	var exPages map[int]int // pages each exhibit takes, from the first plan, which has them all
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		cur := p.Leave(pageDrop, pageReason)
		plan = r.build(cur, nil, 0)
		if err := plan.pdf.Error(); err != nil {
			return nil, fmt.Errorf("laying out the packet: %w", err)
		}
		if exPages == nil {
			exPages = plan.exPages
		}
		if prof.MaxPages == 0 || plan.pdf.PageNo() <= prof.MaxPages {
			break
		}
		more := r.dropFor(cur, plan.pdf.PageNo()-prof.MaxPages, plan.exPages)
		if len(more) == 0 {
			return nil, fmt.Errorf("the packet's text alone takes %d pages, more than the %d the %s profile allows: shorten the statement or use the paypal profile", plan.pdf.PageNo(), prof.MaxPages, prof.Name)
		}
		pageDrop = append(pageDrop, more...)
	}
	pageDrop = r.takeBack(p, pageDrop, pageReason, plan.pdf.PageNo(), exPages)

	// Then bytes: encode, measure, and step down until the file fits.
	var sizeDrop []int
	sizeReason := fmt.Sprintf("the %s profile allows at most %s per file", prof.Name, humanBytes(prof.MaxBytes))
	steps := prof.steps()
	step := 0
	if prof.MaxBytes > 0 {
		var err error
		if step, err = r.firstStep(plan, steps, prof.MaxBytes); err != nil {
			return nil, err
		}
	}
	for {
		cur := p.Leave(pageDrop, pageReason).Leave(sizeDrop, sizeReason)
		plan = r.build(cur, nil, 0)
		st := steps[step]
		if err := r.encode(ctx, plan, st); err != nil {
			return nil, err
		}
		if len(r.broken) > 0 {
			// A picture whose header read but whose pixels did not: lay out again without it.
			for path, msg := range r.broken {
				pic := r.pics[path]
				pic.err = msg
				r.pics[path] = pic
			}
			r.broken = nil
			continue
		}
		final := r.build(cur, r.encoded, plan.pdf.PageNo())
		final.pdf.SetCreationDate(cur.GeneratedAt.UTC())
		final.pdf.SetModificationDate(cur.GeneratedAt.UTC())
		var buf bytes.Buffer
		if err := final.pdf.Output(&buf); err != nil {
			return nil, fmt.Errorf("writing the PDF: %w", err)
		}
		if prof.MaxBytes == 0 || int64(buf.Len()) <= prof.MaxBytes {
			out := &Output{PDF: buf.Bytes(), Pages: final.pdf.PageNo(), Packet: cur, Layout: final.layout, Quality: st.quality, DPI: st.dpi,
				Fill: append(slices.Clone(final.fills), final.fill())}
			out.Notes = r.notes(cur)
			if n := final.cov.missingNote(); n != "" {
				out.Notes = append(out.Notes, n)
			}
			return out, nil
		}
		images := r.imageBytes(plan)
		if step < len(steps)-1 {
			step = nextStep(steps, step, float64(prof.MaxBytes-(int64(buf.Len())-images))/float64(images))
			continue
		}
		more := r.dropBytes(cur, plan, int64(buf.Len())-prof.MaxBytes)
		if len(more) == 0 {
			return nil, fmt.Errorf("the packet is %s even without its exhibits, more than the %s profile's %s: use the paypal or archive profile", humanBytes(int64(buf.Len())), prof.Name, humanBytes(prof.MaxBytes))
		}
		sizeDrop = append(sizeDrop, more...)
	}
}

// step is one try at fitting the size limit.
type step struct {
	quality int
	dpi     float64
}

func (p Profile) steps() []step {
	var s []step
	for _, q := range p.Qualities {
		s = append(s, step{q, p.MaxDPI})
	}
	last := p.Qualities[len(p.Qualities)-1]
	for _, d := range p.DPISteps {
		s = append(s, step{last, d})
	}
	return s
}

// relSize is roughly how big a step's JPEGs are against quality 72 at full resolution, for
// text screenshots (measured here); it only picks which step to try next, the file is
// always measured.
func relSize(st step, fullDPI float64) float64 {
	q := map[int]float64{92: 1.7, 85: 1.3, 72: 1.0, 60: 0.86, 50: 0.76}[st.quality]
	if q == 0 {
		q = 1
	}
	if st.dpi > 0 && st.dpi < fullDPI {
		q *= math.Pow(st.dpi/fullDPI, 1.6)
	}
	return q
}

// nextStep skips the steps that cannot shrink the pictures to ratio of their current size;
// a packet just over the limit takes one step, one far over goes straight to a harsher one.
func nextStep(steps []step, cur int, ratio float64) int {
	const fullDPI = 187 // a 1280-pixel page at the text width
	have := relSize(steps[cur], fullDPI)
	for k := cur + 1; k < len(steps); k++ {
		if relSize(steps[k], fullDPI)/have <= ratio*0.95 {
			return k
		}
	}
	return len(steps) - 1
}

// firstStep guesses the first step likely to fit from a sample: the first band of each
// picture, encoded at the first step, scaled up to all bands. Without it a packet far over
// the limit pays for a full encoding pass it throws away.
func (r *renderer) firstStep(plan *doc, steps []step, limit int64) (int, error) {
	var sample, rows, total int64
	for path, bands := range plan.bands {
		pic := r.pics[path]
		img, err := r.cache.get(r.opt.Root, pic, scaledWidth(pic.w, imageWidthMM(pic), steps[0].dpi))
		if err != nil {
			continue // the encoding pass reports it
		}
		enc, err := encodeBands(img, pic.h, bands[:1], steps[0].quality, nil)
		if err != nil {
			return 0, err
		}
		sample += int64(len(enc[0]))
		rows += int64(bands[0].y1 - bands[0].y0)
		total += int64(pic.h)
	}
	if rows == 0 {
		return 0, nil
	}
	// 150 KB covers the fonts, text and page objects of a typical packet.
	predicted := float64(sample) * float64(total) / float64(rows)
	ratio := float64(limit-150_000) / predicted
	if ratio >= 1 {
		return 0, nil
	}
	return nextStep(steps, 0, ratio), nil
}

// imageBytes is how many bytes of the PDF are the plan's pictures.
func (r *renderer) imageBytes(plan *doc) int64 {
	n := int64(0)
	for path := range plan.bands {
		for _, b := range r.encoded[path] {
			n += int64(len(b))
		}
	}
	return n
}

// dropBytes picks exhibits to leave out, least important first, until their pictures free
// at least excess bytes; at least one exhibit when any is left.
func (r *renderer) dropBytes(p evidence.Packet, plan *doc, excess int64) []int {
	weight := map[int]int64{}
	for _, e := range p.Exhibits {
		for _, f := range e.Files {
			for _, b := range r.encoded[f.Path] {
				if _, ok := plan.bands[f.Path]; ok {
					weight[e.No] += int64(len(b))
				}
			}
		}
	}
	prio := p.Priority()
	var out []int
	for i := len(prio) - 1; i >= 0 && excess > 0; i-- {
		if plan.exPages[prio[i]] == 0 {
			continue
		}
		out = append(out, prio[i])
		excess -= max(weight[prio[i]], 1)
	}
	return out
}

// takeBack returns drop without the exhibits that still fit the page limit when put back,
// most important first. Dropping least important first can end with a long exhibit that
// frees enough pages alone, after short ones that then need not have gone. pages is the
// packet's length without drop, exPages what each exhibit takes: only an exhibit that
// looks as if it fits costs a layout to make sure.
func (r *renderer) takeBack(p evidence.Packet, drop []int, reason string, pages int, exPages map[int]int) []int {
	if len(drop) < 2 {
		return drop
	}
	for _, no := range p.Priority() {
		i := slices.Index(drop, no)
		if i < 0 || pages+exPages[no] > r.opt.Profile.MaxPages {
			continue
		}
		try := slices.Delete(slices.Clone(drop), i, i+1)
		if n := r.build(p.Leave(try, reason), nil, 0).pdf.PageNo(); n <= r.opt.Profile.MaxPages {
			drop, pages = try, n
		}
	}
	return drop
}

// renderer holds what stays the same across layout tries: picture sizes, text exhibits, and
// the pictures decoded and encoded so far.
type renderer struct {
	opt     Options
	pics    map[string]picture
	texts   map[string]string
	cache   *decoded
	encoded map[string][][]byte // path -> JPEG per band, for the current step
	done    map[string]string   // path -> the step, cuts and widths its encoded bands were made at
	pads    map[string][]int    // path -> white columns added to each encoded band (widen)
	broken  map[string]string   // pictures that failed to decode in this pass
}

// dropFor picks exhibits to leave out, least important first, until they free at least need
// pages (a size drop asks for one exhibit).
func (r *renderer) dropFor(p evidence.Packet, need int, pages map[int]int) []int {
	prio := p.Priority()
	var out []int
	for i := len(prio) - 1; i >= 0 && need > 0; i-- {
		no := prio[i]
		if pages[no] == 0 {
			continue // already left out
		}
		out = append(out, no)
		need -= pages[no]
	}
	return out
}

// encode makes the JPEG bands the plan laid out, in parallel, reusing bands already made at
// this step.
func (r *renderer) encode(ctx context.Context, plan *doc, st step) error {
	key := fmt.Sprintf("q%d@%g", st.quality, st.dpi)
	if r.done == nil {
		r.done = map[string]string{}
	}
	type job struct {
		path  string
		bands []band
	}
	var jobs []job
	pads := r.widen(plan, st)
	sig := map[string]string{}
	for _, path := range plan.order {
		// Bands made at this step are reused only for the same cuts and the same widths.
		sig[path] = fmt.Sprint(key, plan.bands[path], pads[path])
		if r.done[path] != sig[path] {
			jobs = append(jobs, job{path, plan.bands[path]})
		}
	}
	results := make([][][]byte, len(jobs))
	errs := make([]error, len(jobs))
	next := make(chan int)
	finished := make(chan int, len(jobs)) // workers never wait on a caller that gave up
	workers := min(len(jobs), runtime.GOMAXPROCS(0))
	for w := 0; w < workers; w++ {
		go func() {
			for i := range next {
				pic := r.pics[jobs[i].path]
				width := scaledWidth(pic.w, imageWidthMM(pic), st.dpi)
				img, err := r.cache.get(r.opt.Root, pic, width)
				if err == nil {
					results[i], err = encodeBands(img, pic.h, jobs[i].bands, st.quality, pads[jobs[i].path])
				}
				errs[i] = err
				finished <- i
			}
		}()
	}
	go func() {
		defer close(next)
		for i := range jobs {
			if ctx.Err() != nil {
				return
			}
			next <- i
		}
	}()
	for done := 1; done <= len(jobs); done++ {
		select {
		case <-finished:
		case <-ctx.Done():
			// Workers finish their current picture and stop: the feeder sends no more.
			return ctx.Err()
		}
		if r.opt.Progress != nil {
			r.opt.Progress(done, len(jobs))
		}
	}
	for i, j := range jobs {
		if errs[i] != nil {
			if r.broken == nil {
				r.broken = map[string]string{}
			}
			r.broken[j.path] = errs[i].Error()
			continue
		}
		r.encoded[j.path] = results[i]
		r.done[j.path] = sig[j.path]
		r.pads[j.path] = pads[j.path]
	}
	return nil
}

// widen gives every band of the plan a pixel width of its own, by adding white columns on
// the right of a band whose width an earlier band already has. gofpdf writes image objects
// ordered by width alone and, among equal widths, in Go's random map order: with no two
// widths alike, the same packet always gives the same bytes. The picture is drawn that much
// wider, so its own pixels keep their size and the added columns fall outside its frame,
// white on the white page.
func (r *renderer) widen(plan *doc, st step) map[string][]int {
	used := map[int]bool{}
	pads := map[string][]int{}
	for _, path := range plan.order {
		pic := r.pics[path]
		w := scaledWidth(pic.w, imageWidthMM(pic), st.dpi)
		for range plan.bands[path] {
			k := 0
			for used[w+k] {
				k++
			}
			used[w+k] = true
			pads[path] = append(pads[path], k)
		}
	}
	return pads
}

// notes are the sentences the command and the window show after making the packet.
func (r *renderer) notes(p evidence.Packet) []string {
	var out []string
	for _, w := range p.Warnings {
		if strings.Contains(w, "left out of this packet") {
			out = append(out, w)
		}
	}
	for _, e := range p.Exhibits {
		for _, f := range e.Files {
			if pic, ok := r.pics[f.Path]; ok && pic.err != "" && e.Omitted == "" {
				out = append(out, fmt.Sprintf("Exhibit %d: %s cannot be drawn: %s; it is listed with its hash.", e.No, f.Name, pic.err))
			}
		}
	}
	return out
}

func readText(root, rel string) string {
	b, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		return "(the file cannot be read: " + err.Error() + ")"
	}
	if !utf8.Valid(b) {
		return "(the file is not UTF-8 text; it is listed with its hash)"
	}
	s := string(b)
	if n := utf8.RuneCountInString(s); n > textLimit {
		s = string([]rune(s)[:textLimit]) + fmt.Sprintf("\n[… %d more characters in the file]", n-textLimit)
	}
	return s
}

// imageWidthMM is how wide a picture is drawn: the text width, or its size at 96 pixels per
// inch when that is narrower, so a small picture is not blown up.
func imageWidthMM(p picture) float64 {
	return math.Min(contentW, float64(p.w)*25.4/96)
}

func humanBytes(n int64) string {
	switch {
	case n >= 1_000_000:
		return fmt.Sprintf("%.1f MB", float64(n)/1_000_000)
	case n >= 1000:
		return fmt.Sprintf("%d KB", n/1000)
	}
	return fmt.Sprintf("%d bytes", n)
}
