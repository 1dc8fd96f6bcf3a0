// Package content loads pressend's content packs: the UK pack embedded in
// the binary and organisations' own packs layered on top of it. It parses
// the YAML format described in README.md strictly, validates packs with
// problems that name the file, line and column, merges layers, and encodes
// the effective pack for `pressend pack show`.
package content

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/pressend/pressend/checklist"
)

// packsFS holds the embedded packs; packs/uk is the default pack.
//
//go:embed packs
var packsFS embed.FS

// embeddedDir is the embedded pack's directory within packsFS.
const embeddedDir = "packs/uk"

// Embedded returns the built-in UK pack. It comes from snapshot.go, which
// `go generate ./content` writes from packs/uk: parsing and validating the
// YAML with positions takes a large share of a second, while the compiled
// snapshot costs nothing to load, so start-up stays close to a bare Bubble
// Tea program. TestSnapshotMatchesSource fails if the YAML changes without
// regenerating.
func Embedded() (*checklist.Pack, error) { return snapshot(), nil }

//go:generate go run ./gensnapshot

// EmbeddedTypicalMinutes is display.TypicalMinutes(Embedded(), mode),
// worked out when snapshot.go was generated: the welcome screen promises
// this range, and working it out builds every question of five audits.
// ok is false for a mode it was not worked out for. It says nothing about
// a pack with organisations' layers on it.
func EmbeddedTypicalMinutes(mode checklist.Mode) (lo, hi int, ok bool) {
	return snapshotTypical(mode)
}

// EmbeddedFromSource returns the built-in UK pack: the files of packs/uk merged in
// file-name order and validated. Each file is a partial pack whose lists
// are appended; the first file to set id, title, version, reviewed or
// jurisdiction sets it for the pack, and a later file that sets it to
// something else is a problem rather than silently ignored. Any problem is returned as a
// Problems error naming the file and line, so a broken pack fails tests and
// never reaches users half-loaded. Layers is ["id@version"].
//
// The pack is parsed afresh on each call (under a tenth of a second)
// because the package keeps no mutable state; callers should keep it.
func EmbeddedFromSource() (*checklist.Pack, error) {
	p, probs := loadDir(packsFS, embeddedDir, time.Now())
	if len(probs) > 0 {
		return nil, probs
	}
	return p, nil
}

// loadDir merges and validates the *.yaml files of dir in fsys. Problems
// name files as dir/file.
func loadDir(fsys fs.FS, dir string, now time.Time) (*checklist.Pack, Problems) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.yaml"))
	if err != nil || len(names) == 0 {
		return nil, Problems{{File: dir, Msg: fmt.Sprintf("no pack files (*.yaml) found: %v", err)}}
	}
	merged := &checklist.Pack{}
	o := &origin{lists: map[string][]ref{}, fields: map[string]int{}}
	var probs Problems
	undecoded := false
	for _, name := range names { // fs.Glob sorts names
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			probs = append(probs, Problem{File: name, Msg: err.Error()})
			undecoded = true
			continue
		}
		p, f, ps := parse(name, data)
		probs = append(probs, ps...)
		o.files = append(o.files, f)
		if p == nil {
			undecoded = true
			continue
		}
		probs = append(probs, mergeFile(merged, p, o, len(o.files)-1)...)
	}
	if undecoded {
		// Validating without a file would only add noise, such as
		// citations of sources that file defines.
		return nil, probs
	}
	probs = append(probs, o.locate(ValidateAt(merged, nil, now))...)
	if len(probs) > 0 {
		probs.Sort()
		return nil, probs
	}
	merged.Layers = []string{merged.ID + "@" + merged.Version}
	return merged, nil
}

// mergeFile appends one partial pack to merged, recording in o which file
// each list entry and identity field came from.
func mergeFile(merged, p *checklist.Pack, o *origin, fi int) Problems {
	var probs Problems
	for _, f := range []struct {
		key string
		dst *string
		src string
	}{
		{"id", &merged.ID, p.ID},
		{"title", &merged.Title, p.Title},
		{"version", &merged.Version, p.Version},
		{"reviewed", (*string)(&merged.Reviewed), string(p.Reviewed)},
		{"jurisdiction", &merged.Jurisdiction, p.Jurisdiction},
	} {
		if f.src == "" {
			continue
		}
		if prev, set := o.fields[f.key]; set {
			if *f.dst != f.src { // a repeat of the same value is harmless
				probs = append(probs, Problem{Path: "$." + f.key,
					Msg: fmt.Sprintf("%s is already set to %q in %s; set the pack's identity in one file", f.key, *f.dst, o.files[prev].name)})
			}
			continue
		}
		*f.dst, o.fields[f.key] = f.src, fi
	}
	appendFrom(o, fi, "sources", &merged.Sources, p.Sources)
	appendFrom(o, fi, "platforms", &merged.Platforms, p.Platforms)
	appendFrom(o, fi, "regulators", &merged.Regulators, p.Regulators)
	appendFrom(o, fi, "roles", &merged.Roles, p.Roles)
	appendFrom(o, fi, "nations", &merged.Nations, p.Nations)
	appendFrom(o, fi, "sections", &merged.Sections, p.Sections)
	appendFrom(o, fi, "scenarios", &merged.Scenarios, p.Scenarios)
	appendFrom(o, fi, "overrides", &merged.Overrides, p.Overrides)
	appendFrom(o, fi, "harms", &merged.Harms, p.Harms)
	appendFrom(o, fi, "checks", &merged.Checks, p.Checks)
	if p.Org != (checklist.Org{}) {
		merged.Org = p.Org
	}
	return (&origin{files: o.files[fi : fi+1]}).locate(probs)
}

// appendFrom appends src to *dst and records each entry's file and index.
func appendFrom[T any](o *origin, fi int, key string, dst *[]T, src []T) {
	for i := range src {
		o.lists[key] = append(o.lists[key], ref{file: fi, index: i})
	}
	*dst = append(*dst, src...)
}

// check parses one file and validates it (as a layer when base is set),
// giving every problem its file position.
func check(name string, data []byte, base *checklist.Pack, now time.Time) (*checklist.Pack, Problems) {
	p, f, probs := parse(name, data)
	if p == nil {
		return nil, probs
	}
	o := &origin{files: []srcFile{f}}
	probs = append(probs, o.locate(ValidateAt(p, base, now))...)
	probs.Sort()
	return p, probs
}

// LoadLayered returns the embedded pack with every custom pack in dir
// layered on it: files ending .yaml or .yml, in name order, each validated
// against the packs before it. A missing dir is fine. A custom pack with
// problems is left out and its problems returned, so the app can show them
// and carry on with the rest; unreadable files are problems too. The error
// is only for the embedded pack failing, which is a bug in the build.
func LoadLayered(dir string) (*checklist.Pack, Problems, error) {
	return loadLayered(dir, time.Now())
}

func loadLayered(dir string, now time.Time) (*checklist.Pack, Problems, error) {
	base, err := Embedded()
	if err != nil {
		return nil, nil, err
	}
	p, probs := layerDir(base, dir, now)
	return p, probs, nil
}

// layerDir layers the packs in dir onto acc, as LoadLayered describes.
func layerDir(acc *checklist.Pack, dir string, now time.Time) (*checklist.Pack, Problems) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return acc, nil
	}
	if err != nil {
		return acc, Problems{{File: dir, Msg: "cannot read the packs folder: " + err.Error()}}
	}
	var all Problems
	for _, e := range entries { // os.ReadDir sorts by name
		ext := strings.ToLower(filepath.Ext(e.Name()))
		// Dot files are editor backups and macOS resource forks, not packs.
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") || (ext != ".yaml" && ext != ".yml") {
			continue
		}
		name := filepath.Join(dir, e.Name())
		data, err := readPack(name)
		if err != nil {
			all = append(all, Problem{File: name, Msg: err.Error()})
			continue
		}
		p, probs := check(name, data, acc, now)
		if len(probs) > 0 {
			all = append(all, probs...)
			continue
		}
		acc = merge(acc, p)
	}
	return acc, all
}

// ValidateFile checks one custom pack file as a layer over the embedded
// pack, for `pressend pack validate FILE`. Problems have file, line and
// column. The error is for a file that cannot be read (or, a build bug, an
// invalid embedded pack), with a message fit to show the user.
func ValidateFile(path string) (Problems, error) {
	return validateFile(path, time.Now())
}

func validateFile(path string, now time.Time) (Problems, error) {
	data, err := readPack(path)
	if err != nil {
		return nil, err
	}
	base, err := Embedded()
	if err != nil {
		return nil, err
	}
	_, probs := check(path, data, base, now)
	return probs, nil
}

// readPack reads a pack file, stopping just past maxPackSize so a huge
// file costs nothing; ParseFile then reports it as too large.
func readPack(name string) ([]byte, error) {
	f, err := os.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("no pack file at %s (%w)", name, fs.ErrNotExist)
	}
	if err != nil {
		return nil, fmt.Errorf("cannot open pack file: %w", err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fmt.Errorf("%s is a folder, not a pack file", name)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxPackSize+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read pack file %s: %w", name, err)
	}
	return data, nil
}
